package org.parley.gateway.importer.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code bin/parley import}: streams GDELT event files through the gateway's
 * {@code POST /admin/import/gdelt}, in chunks of at most 1000 lines, never holding more than a few chunks
 * in memory. Plain files, {@code .gz} and {@code .zip} (every entry); a directory means every
 * {@code *.csv}, {@code *.gz}, {@code *.zip} in it (any case), in name order. Shows progress (rows/s,
 * ETA, rejected so far), prints a summary and writes {@code <name>.import-report.csv} (file, line, reason
 * of every rejected row) and {@code <name>.import-summary.txt}.
 *
 * <p>
 * Safe to interrupt and run again: every chunk is idempotent on the server (actors and places are
 * resolved, events already recorded are skipped by their GLOBALEVENTID), so a re-run ends in the same
 * state as one clean run. A chunk that fails because a backend is unavailable is retried with back-off.
 *
 * <p>
 * JDK only (no dependencies), so it runs straight from source: {@code java ImportCli.java …}.
 */
public final class ImportCli {

    static final int MAX_CHUNK_LINES = 1000;
    private static final int SHOWN_REJECTIONS = 20;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // options
    private final List<Path> inputs = new ArrayList<>();
    private String format = "auto";
    private String gateway;
    private String token;
    private Path keyFile;
    private Path reportDir = Path.of(".");
    private int chunkLines = MAX_CHUNK_LINES;
    private int parallel = 2;
    /** Extra attempts for a chunk the gateway could not serve (503, connection refused, …); ~31 s in all. */
    private int retries = 5;
    private String progressMode = "auto";

    // totals
    private long rows;
    private long imported;
    private long duplicates;
    private long rejected;
    private long totalBytes;
    private long bytesBefore;
    private CountingInputStream current;
    private final List<String> firstRejections = new ArrayList<>();
    private BufferedWriter report;
    private Progress progress;

    public ImportCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(new ImportCli(System.out, System.err, System.getenv()).run(args));
    }

    /** What the gateway reported so far, summed over all chunks. */
    public record Totals(long rows, long imported, long duplicates, long rejected) {
    }

    public Totals totals() {
        return new Totals(rows, imported, duplicates, rejected);
    }

    /** Exit status: 0 every row accounted for (rejected rows included), 1 the import stopped, 2 usage. */
    public int run(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(usage());
            return 0;
        }
        try {
            parseArguments(args);
        } catch (IllegalArgumentException e) {
            err.println("parley import: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        try {
            return importAll();
        } catch (Abort e) {
            if (progress != null) {
                progress.clear();
            }
            err.println("parley import: " + e.getMessage());
            err.println("parley import: stopped after " + rows + " rows; running the same command again is safe"
                    + " (rows already imported are skipped)");
            return 1;
        } catch (IOException | UncheckedIOException e) {
            if (progress != null) {
                progress.clear();
            }
            err.println("parley import: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                usage: bin/parley import <file-or-dir>... [--format auto|v2|v1-daily|v1-backfile]
                                         [--gateway URL] [--token TOKEN] [--report-dir DIR]
                                         [--chunk-lines N] [--parallel N] [--retries N]
                                         [--progress auto|tty|plain|none]
                  files: GDELT event files (.CSV, .gz, .zip); a directory imports its *.csv/*.gz/*.zip in name order
                  --chunk-lines  lines per request (≤ 1000, default 1000); --parallel  requests in flight (default 2)
                  --retries  attempts more for a chunk while the gateway or a backend is unavailable (default 5)
                  --gateway  default $PARLEY_GATEWAY_URL or http://localhost:8080
                  --token    a bearer token with role admin or editor; default $PARLEY_TOKEN, else one signed
                             with the key of a suite started by 'bin/parley up' ($PARLEY_JWT_KEY), else the
                             dev-mode gateway's /dev/token""";
    }

    private void parseArguments(String[] args) {
        gateway = env.getOrDefault("PARLEY_GATEWAY_URL", "http://localhost:8080");
        token = blankToNull(env.get("PARLEY_TOKEN"));
        String key = blankToNull(env.get("PARLEY_JWT_KEY"));
        keyFile = key == null ? null : Path.of(key);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--format" -> format = value(args, ++i, a);
                case "--gateway" -> gateway = value(args, ++i, a);
                case "--token" -> token = value(args, ++i, a);
                case "--report-dir" -> reportDir = Path.of(value(args, ++i, a));
                case "--chunk-lines" -> chunkLines = intValue(value(args, ++i, a), a, 1, MAX_CHUNK_LINES);
                case "--parallel" -> parallel = intValue(value(args, ++i, a), a, 1, 8);
                case "--retries" -> retries = intValue(value(args, ++i, a), a, 0, 100);
                case "--progress" -> progressMode = value(args, ++i, a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    inputs.add(Path.of(a));
                }
            }
        }
        if (!List.of("auto", "v2", "v1-daily", "v1-backfile").contains(format)) {
            throw new IllegalArgumentException("--format must be auto, v2, v1-daily or v1-backfile, not '" + format + "'");
        }
        if (!List.of("auto", "tty", "plain", "none").contains(progressMode)) {
            throw new IllegalArgumentException("--progress must be auto, tty, plain or none");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("name a file or a directory to import");
        }
        while (gateway.endsWith("/")) {
            gateway = gateway.substring(0, gateway.length() - 1);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String s, String option, int min, int max) {
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max);
    }

    /** The files to read, in order: the arguments, each directory expanded to its GDELT files by name. */
    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (var listing = Files.list(input)) {
                    listing.filter(Files::isRegularFile).filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".csv") || n.endsWith(".gz") || n.endsWith(".zip");
                    }).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new IOException(input + ": no such file or directory");
            }
        }
        return files;
    }

    private int importAll() throws IOException {
        List<Path> files = expand(inputs);
        if (files.isEmpty()) {
            throw new Abort("no .csv, .gz or .zip files in " + inputs);
        }
        for (Path f : files) {
            totalBytes += Files.size(f);
        }
        String bearer = bearerToken();
        Files.createDirectories(reportDir);
        String name = inputs.size() == 1 ? inputs.get(0).toAbsolutePath().normalize().getFileName().toString()
                : "import";
        Path reportFile = reportDir.resolve(name + ".import-report.csv");
        Path summaryFile = reportDir.resolve(name + ".import-summary.txt");
        long started = System.nanoTime();
        progress = new Progress(progressMode, err, started);
        try (BufferedWriter w = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8)) {
            report = w;
            w.write("file,line,reason\n");
            for (Path f : files) {
                importFile(f, bearer);
                bytesBefore += Files.size(f);
            }
        }
        progress.clear();
        double seconds = (System.nanoTime() - started) / 1e9;
        String summary = summary(files, seconds);
        out.print(summary);
        if (rejected > 0) {
            out.println("rejected rows" + (rejected > SHOWN_REJECTIONS ? " (first " + SHOWN_REJECTIONS + ")" : "") + ":");
            firstRejections.forEach(r -> out.println("  " + r));
        }
        out.println("report:  " + reportFile + " (rejected rows as file,line,reason)");
        out.println("summary: " + summaryFile);
        Files.writeString(summaryFile, summary + "report: " + reportFile.getFileName() + "\n", StandardCharsets.UTF_8);
        return 0;
    }

    private String summary(List<Path> files, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append("parley import finished: ").append(files.size()).append(files.size() == 1 ? " file" : " files")
                .append(", ").append(fmt(rows)).append(" rows in ").append(String.format(Locale.ROOT, "%.1f", seconds))
                .append(" s (").append(fmt(Math.round(rows / Math.max(seconds, 0.001)))).append(" rows/s)\n");
        s.append("  imported:   ").append(fmt(imported)).append('\n');
        s.append("  duplicates: ").append(fmt(duplicates)).append(" (already imported before)\n");
        s.append("  rejected:   ").append(fmt(rejected)).append('\n');
        s.append("  gateway:    ").append(gateway).append('\n');
        for (Path f : files) {
            s.append("  file:       ").append(f).append('\n');
        }
        s.append("  finished:   ").append(Instant.now()).append('\n');
        return s.toString();
    }

    // --- reading and sending ------------------------------------------------------------------------

    private void importFile(Path file, String bearer) throws IOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file))) {
            current = counted;
            if (lower.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8);
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (!e.isDirectory()) {
                        // the reader must not close the zip stream between entries
                        sendLines(file.getFileName() + ":" + e.getName(), new NonClosing(zip), bearer);
                    }
                }
            } else if (lower.endsWith(".gz")) {
                sendLines(file.getFileName().toString(), new GZIPInputStream(counted, 1 << 16), bearer);
            } else {
                sendLines(file.getFileName().toString(), counted, bearer);
            }
        } finally {
            current = null;
        }
    }

    /** {@code bytesRead}: how far into the input file reading had got after this chunk (for the ETA). */
    private record Chunk(String file, long firstLine, int lines, String body, long bytesRead) {
    }

    private record Pending(Chunk chunk, CompletableFuture<HttpResponse<String>> answer) {
    }

    private void sendLines(String fileName, InputStream in, String bearer) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Deque<Pending> inFlight = new ArrayDeque<>();
        StringBuilder body = new StringBuilder();
        long lineNumber = 0;
        long first = 1;
        int count = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (count == 0) {
                first = lineNumber;
            }
            body.append(line).append('\n');
            count++;
            if (count == chunkLines) {
                submit(new Chunk(fileName, first, count, body.toString(), bytesDone()), inFlight, bearer);
                body.setLength(0);
                count = 0;
            }
        }
        if (count > 0) {
            submit(new Chunk(fileName, first, count, body.toString(), bytesDone()), inFlight, bearer);
        }
        while (!inFlight.isEmpty()) {
            account(inFlight.removeFirst(), bearer);
        }
    }

    /** Sends a chunk; keeps at most {@code parallel} in flight, accounting for them in file order. */
    private void submit(Chunk chunk, Deque<Pending> inFlight, String bearer) {
        while (inFlight.size() >= parallel) {
            account(inFlight.removeFirst(), bearer);
        }
        inFlight.addLast(new Pending(chunk, send(chunk, bearer)));
    }

    private CompletableFuture<HttpResponse<String>> send(Chunk chunk, String bearer) {
        String query = "file=" + URLEncoder.encode(chunk.file(), StandardCharsets.UTF_8) + "&firstLine=" + chunk.firstLine()
                + "&format=" + format;
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/admin/import/gdelt?" + query))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(chunk.body(), StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Waits for a chunk's answer (retrying what a retry can fix) and adds it to the totals and report. */
    private void account(Pending pending, String bearer) {
        Chunk chunk = pending.chunk();
        CompletableFuture<HttpResponse<String>> answer = pending.answer();
        for (int attempt = 1;; attempt++) {
            String problem;
            boolean retryable;
            try {
                HttpResponse<String> response = answer.get();
                int status = response.statusCode();
                if (status == 200) {
                    record(chunk, Json.parse(response.body()));
                    return;
                }
                problem = "the gateway answered " + status + detailOf(response.body());
                retryable = status == 502 || status == 503 || status == 504 || status == 429 || status == 500;
                if (status == 401 || status == 403) {
                    throw new Abort(problem + " (see 'bin/parley import --help' for the token)");
                }
                if (status == 502 && response.body().contains("upstream-rejected")) {
                    // A backend refused the chunk in a way the gateway could not pin to rows: report them all
                    // and go on with the rest of the file.
                    rejectChunk(chunk, "chunk refused:" + detailOf(response.body()));
                    return;
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                problem = cause instanceof ConnectException ? "cannot connect to the gateway at " + gateway
                        : "the request to " + gateway + " failed: " + cause;
                retryable = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abort("interrupted");
            }
            if (!retryable || attempt > retries) {
                throw new Abort(chunk.file() + " lines " + chunk.firstLine() + "–" + (chunk.firstLine() + chunk.lines() - 1)
                        + ": " + problem + (retryable ? " (gave up after " + attempt + " attempts)" : ""));
            }
            long delay = Math.min(16_000, 500L << attempt);
            progress.note("retrying " + chunk.file() + ":" + chunk.firstLine() + " in " + delay / 1000.0 + " s: " + problem);
            try {
                Thread.sleep(delay); // back-off before sending the same (idempotent) chunk again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abort("interrupted");
            }
            answer = send(chunk, bearer);
        }
    }

    private static String detailOf(String body) {
        try {
            Object parsed = Json.parse(body);
            if (parsed instanceof Map<?, ?> m && m.get("detail") != null) {
                return ": " + m.get("detail");
            }
        } catch (RuntimeException notJson) {
            // fall through
        }
        return body == null || body.isBlank() ? "" : ": " + body.strip().lines().findFirst().orElse("");
    }

    private void record(Chunk chunk, Object parsed) {
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new Abort("the gateway answered something that is not an import report");
        }
        long chunkRows = number(m.get("rows"));
        if (chunkRows != chunk.lines()) {
            throw new Abort("the gateway reported " + chunkRows + " rows for a chunk of " + chunk.lines());
        }
        rows += chunkRows;
        imported += number(m.get("imported"));
        duplicates += number(m.get("duplicates"));
        if (m.get("rejected") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> r) {
                    reject(chunk.file(), number(r.get("line")), String.valueOf(r.get("reason")));
                }
            }
        }
        progress.update(rows, rejected, chunk.bytesRead(), totalBytes);
    }

    private void rejectChunk(Chunk chunk, String reason) {
        for (int i = 0; i < chunk.lines(); i++) {
            reject(chunk.file(), chunk.firstLine() + i, reason);
        }
        rows += chunk.lines();
        progress.update(rows, rejected, chunk.bytesRead(), totalBytes);
    }

    private void reject(String file, long line, String reason) {
        rejected++;
        if (firstRejections.size() < SHOWN_REJECTIONS) {
            firstRejections.add(file + ":" + line + "  " + reason);
        }
        try {
            report.write(csv(file) + "," + line + "," + csv(reason) + "\n");
            report.flush(); // an interrupted run keeps the report of what it did
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private long bytesDone() {
        CountingInputStream c = current;
        return bytesBefore + (c == null ? 0 : c.count);
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    // --- the token ----------------------------------------------------------------------------------

    private String bearerToken() {
        if (token != null) {
            return token;
        }
        if (keyFile != null && Files.isRegularFile(keyFile)) {
            return mintToken(keyFile, env.getOrDefault("PARLEY_JWT_ISSUER", "parley"));
        }
        // A gateway in dev mode hands out tokens signed with its throwaway dev key.
        try {
            HttpResponse<String> dev = http.send(HttpRequest.newBuilder(URI.create(gateway + "/dev/token?roles=editor"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (dev.statusCode() == 200 && dev.body().strip().split("\\.").length == 3) {
                return dev.body().strip();
            }
        } catch (IOException e) {
            throw new Abort("cannot connect to the gateway at " + gateway + " (is the suite running? bin/parley up)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abort("interrupted");
        }
        throw new Abort("no token: pass --token or set PARLEY_TOKEN to a bearer token with role admin or editor"
                + " (a suite started by 'bin/parley up' needs none; see gateway/README.md, Import)");
    }

    /** An RS256 JWT with role admin, signed with a PKCS#8 PEM private key (the local suite's). */
    static String mintToken(Path pem, String issuer) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
            String claims = "{\"iss\":\"" + issuer + "\",\"upn\":\"parley-import@" + hostName() + "\",\"groups\":[\"admin\"],"
                    + "\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(signature.sign());
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new Abort("cannot sign a token with " + pem + ": " + e.getMessage());
        }
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        return h == null || h.isBlank() ? "localhost" : h.replaceAll("[^A-Za-z0-9.-]", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** Ends the import with a message (not a stack trace). */
    static final class Abort extends RuntimeException {
        Abort(String message) {
            super(message, null, false, false);
        }
    }

    /** Counts the bytes read from the file itself (compressed for .gz/.zip), for the ETA. */
    static final class CountingInputStream extends FilterInputStream {
        volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream goes on with its next entry
        }
    }

    /** One status line rewritten in place on a terminal; a plain line every few seconds otherwise. */
    static final class Progress {
        private final boolean tty;
        private final boolean enabled;
        private final PrintStream err;
        private final long started;
        private long lastShown;
        private boolean lineOpen;

        Progress(String mode, PrintStream err, long started) {
            this.err = err;
            this.started = started;
            this.tty = mode.equals("tty") || mode.equals("auto") && System.console() != null;
            this.enabled = !mode.equals("none");
        }

        void update(long rows, long rejected, long bytesDone, long totalBytes) {
            if (!enabled) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastShown < (tty ? 200_000_000L : 5_000_000_000L)) {
                return;
            }
            lastShown = now;
            double seconds = Math.max((now - started) / 1e9, 0.001);
            double fraction = totalBytes == 0 ? 0 : Math.min(1.0, (double) bytesDone / totalBytes);
            String eta = fraction <= 0 ? "?" : clock((long) (seconds * (1 - fraction) / fraction));
            String text = String.format(Locale.ROOT, "%s rows  %s rows/s  %3.0f%%  ETA %s  rejected %s", fmt(rows),
                    fmt(Math.round(rows / seconds)), fraction * 100, eta, fmt(rejected));
            if (tty) {
                err.print("\r\033[K" + text);
                lineOpen = true;
            } else {
                err.println("parley import: " + text);
            }
            err.flush();
        }

        void note(String message) {
            clear();
            err.println("parley import: " + message);
        }

        void clear() {
            if (lineOpen) {
                err.print("\r\033[K");
                err.flush();
                lineOpen = false;
            }
        }

        private static String clock(long seconds) {
            return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                    : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
    }

    /** Just enough JSON for the gateway's answers: objects, arrays, strings, numbers, literals. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text == null ? "" : text);
            Object v = j.value();
            j.space();
            if (j.i != j.s.length()) {
                throw new IllegalArgumentException("trailing characters in JSON");
            }
            return v;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    space();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        space();
                        String k = string();
                        space();
                        expect(':');
                        m.put(k, value());
                        space();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    space();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(value());
                        space();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"':
                    return string();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (start == i) {
                        throw new IllegalArgumentException("unexpected '" + c + "' in JSON");
                    }
                    String n = s.substring(start, i);
                    return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.valueOf(n)
                            : (Object) Long.valueOf(n);
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' in JSON at " + i);
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
            throw new IllegalArgumentException("unterminated string in JSON");
        }
    }
}
