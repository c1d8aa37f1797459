package org.parley.importer.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.parley.importer.GdeltFormat;
import org.parley.importer.GdeltImporter;
import org.parley.importer.ImportFailure;
import org.parley.importer.ImportModel;

/**
 * One import of GDELT event files: streams each in chunks of at most 1000 lines straight to the services
 * ({@link GdeltImporter}: one actors resolve, one places resolve, one events batch per chunk), never
 * holding more than a few chunks in memory. Plain files, {@code .gz} and {@code .zip} (every entry); a
 * directory means every {@code *.csv}, {@code *.gz}, {@code *.zip} in it (any case), in name order.
 * Shows progress (rows/s, ETA, rejected so far), prints a summary and writes
 * {@code <name>.import-report.csv} (file, line, reason of every rejected row) and
 * {@code <name>.import-summary.txt}.
 *
 * <p>
 * Safe to interrupt and run again: every chunk is idempotent (actors and places are resolved, events
 * already recorded are skipped by their GLOBALEVENTID), so a re-run ends in the same state as one clean
 * run. A chunk that fails because a service is unavailable is retried with back-off.
 */
public final class FileImport {

    public static final int MAX_CHUNK_LINES = 1000;
    private static final int SHOWN_REJECTIONS = 20;

    /** What the command line says about how to import. */
    public record Options(GdeltFormat format, Path reportDir, int chunkLines, int parallel, int retries,
            String progressMode, String target) {
    }

    private final GdeltImporter importer;
    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    // totals
    private long rows;
    private long imported;
    private long duplicates;
    /** Duplicates answered to a chunk sent again after a failed try, which may have stored them itself. */
    private long resent;
    private long events;
    private long rejected;
    private long totalBytes;
    private long bytesBefore;
    private CountingInputStream current;
    private final List<String> firstRejections = new ArrayList<>();
    private BufferedWriter report;
    private Progress progress;

    public FileImport(GdeltImporter importer, Options options, PrintStream out, PrintStream err) {
        this.importer = importer;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** What the services reported so far, summed over all chunks. */
    public record Totals(long rows, long imported, long duplicates, long resent, long rejected) {
    }

    public Totals totals() {
        return new Totals(rows, imported, duplicates, resent, rejected);
    }

    /** Exit status: 0 every row accounted for (rejected rows included), 1 the import stopped. */
    public int run(List<Path> inputs) {
        try {
            return importAll(inputs);
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

    private int importAll(List<Path> inputs) throws IOException {
        List<Path> files = expand(inputs);
        if (files.isEmpty()) {
            throw new Abort("no .csv, .gz or .zip files in " + inputs);
        }
        for (Path f : files) {
            totalBytes += Files.size(f);
        }
        Files.createDirectories(options.reportDir());
        String name = inputs.size() == 1 ? inputs.get(0).toAbsolutePath().normalize().getFileName().toString()
                : "import";
        Path reportFile = options.reportDir().resolve(name + ".import-report.csv");
        Path summaryFile = options.reportDir().resolve(name + ".import-summary.txt");
        long started = System.nanoTime();
        progress = new Progress(options.progressMode(), err, started);
        try (BufferedWriter w = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8)) {
            report = w;
            w.write("file,line,reason\n");
            for (Path f : files) {
                importFile(f);
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
        s.append("  imported:   ").append(fmt(imported)).append(" (as ").append(fmt(events))
                .append(" new events; a row of a stored story is merged into its event)\n");
        s.append("  duplicates: ").append(fmt(duplicates)).append(" (already imported before)\n");
        if (resent > 0) {
            s.append("  resent:     ").append(fmt(resent))
                    .append(" (found stored when a chunk was sent again after a failed try: by that try, or before)\n");
        }
        s.append("  rejected:   ").append(fmt(rejected)).append('\n');
        s.append("  services:   ").append(options.target()).append('\n');
        for (Path f : files) {
            s.append("  file:       ").append(f).append('\n');
        }
        s.append("  finished:   ").append(Instant.now()).append('\n');
        return s.toString();
    }

    // --- reading and sending ------------------------------------------------------------------------

    private void importFile(Path file) throws IOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file))) {
            current = counted;
            if (lower.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8);
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (!e.isDirectory()) {
                        // the reader must not close the zip stream between entries
                        sendLines(file.getFileName() + ":" + e.getName(), new NonClosing(zip));
                    }
                }
            } else if (lower.endsWith(".gz")) {
                sendLines(file.getFileName().toString(), new GZIPInputStream(counted, 1 << 16));
            } else {
                sendLines(file.getFileName().toString(), counted);
            }
        } finally {
            current = null;
        }
    }

    /** {@code bytesRead}: how far into the input file reading had got after this chunk (for the ETA). */
    private record Chunk(String file, long firstLine, List<String> lines, long bytesRead) {
    }

    private record Pending(Chunk chunk, CompletableFuture<ImportModel.ImportReport> answer) {
    }

    private void sendLines(String fileName, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Deque<Pending> inFlight = new ArrayDeque<>();
        List<String> lines = new ArrayList<>(options.chunkLines());
        long lineNumber = 0;
        long first = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (lines.isEmpty()) {
                first = lineNumber;
            }
            lines.add(line);
            if (lines.size() == options.chunkLines()) {
                submit(new Chunk(fileName, first, List.copyOf(lines), bytesDone()), inFlight);
                lines.clear();
            }
        }
        if (!lines.isEmpty()) {
            submit(new Chunk(fileName, first, List.copyOf(lines), bytesDone()), inFlight);
        }
        while (!inFlight.isEmpty()) {
            account(inFlight.removeFirst());
        }
    }

    /** Sends a chunk; keeps at most {@code parallel} in flight, accounting for them in file order. */
    private void submit(Chunk chunk, Deque<Pending> inFlight) {
        while (inFlight.size() >= options.parallel()) {
            account(inFlight.removeFirst());
        }
        inFlight.addLast(new Pending(chunk, send(chunk)));
    }

    private CompletableFuture<ImportModel.ImportReport> send(Chunk chunk) {
        return importer.importLines(chunk.file(), chunk.firstLine(), options.format(), chunk.lines())
                .subscribeAsCompletionStage();
    }

    /** Waits for a chunk's answer (retrying what a retry can fix) and adds it to the totals and report. */
    private void account(Pending pending) {
        Chunk chunk = pending.chunk();
        CompletableFuture<ImportModel.ImportReport> answer = pending.answer();
        for (int attempt = 1;; attempt++) {
            String problem;
            try {
                record(chunk, answer.get(), attempt > 1);
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (!(cause instanceof ImportFailure failure)) {
                    throw new Abort(range(chunk) + ": the import failed unexpectedly: " + cause);
                }
                problem = failure.getMessage();
                if (failure.status() == 401 || failure.status() == 403) {
                    throw new Abort(problem + " (see --token in 'bin/parley import --help')");
                }
                if (!failure.retryable()) {
                    // A service refused the chunk in a way that could not be pinned to rows: report them all
                    // and go on with the rest of the file.
                    rejectChunk(chunk, "chunk refused: " + problem);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abort("interrupted");
            }
            if (attempt > options.retries()) {
                throw new Abort(range(chunk) + ": " + problem + " (gave up after " + attempt + " attempts)");
            }
            long delay = Math.min(16_000, 500L << attempt);
            progress.note("retrying " + chunk.file() + ":" + chunk.firstLine() + " in " + delay / 1000.0 + " s: " + problem);
            try {
                Thread.sleep(delay); // back-off before sending the same (idempotent) chunk again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abort("interrupted");
            }
            answer = send(chunk);
        }
    }

    private static String range(Chunk chunk) {
        return chunk.file() + " lines " + chunk.firstLine() + "–" + (chunk.firstLine() + chunk.lines().size() - 1);
    }

    /**
     * @param again whether the chunk was sent before: a failed try may have stored its events before failing (a
     *     timeout, a lost answer), so its duplicates are not known to be rows imported before this run
     */
    private void record(Chunk chunk, ImportModel.ImportReport answer, boolean again) {
        if (answer.rows() != chunk.lines().size()) {
            throw new Abort("the import reported " + answer.rows() + " rows for a chunk of " + chunk.lines().size());
        }
        rows += answer.rows();
        imported += answer.imported();
        if (again) {
            resent += answer.duplicates();
        } else {
            duplicates += answer.duplicates();
        }
        events += answer.events();
        answer.rejected().forEach(r -> reject(chunk.file(), r.line(), r.reason()));
        progress.update(rows, rejected, chunk.bytesRead(), totalBytes);
    }

    private void rejectChunk(Chunk chunk, String reason) {
        for (int i = 0; i < chunk.lines().size(); i++) {
            reject(chunk.file(), chunk.firstLine() + i, reason);
        }
        rows += chunk.lines().size();
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

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
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
}
