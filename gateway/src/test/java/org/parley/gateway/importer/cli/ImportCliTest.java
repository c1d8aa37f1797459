package org.parley.gateway.importer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The CLI against a stand-in gateway (the JDK's HTTP server): what it sends (chunks, line numbers, file
 * names, token), how it reads .gz/.zip/directories, retries and reports. The real gateway: GdeltImportIT.
 */
class ImportCliTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    /** Each request: file, firstLine, line count, Authorization. */
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    /** Statuses to answer before answering normally (e.g. 503 twice). */
    private final List<Integer> failFirst = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger status401 = new AtomicInteger();

    @BeforeEach
    void startFakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/import/gdelt", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Answers like the gateway: every line with "bad" in it is rejected, the others imported. */
    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        for (String p : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = p.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = body.lines().toList();
        Map<String, String> seen = new LinkedHashMap<>(query);
        seen.put("lines", String.valueOf(lines.size()));
        seen.put("auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        requests.add(seen);
        if (status401.get() > 0) {
            respond(exchange, 401, "{\"type\":\"urn:parley:problem:unauthenticated\",\"status\":401,\"detail\":\"The bearer token is invalid or expired\"}");
            return;
        }
        if (!failFirst.isEmpty()) {
            int status = failFirst.remove(0);
            respond(exchange, status, "{\"status\":" + status + ",\"detail\":\"events-service is unavailable\"}");
            return;
        }
        long first = Long.parseLong(query.get("firstLine"));
        StringBuilder rejected = new StringBuilder();
        int bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("bad")) {
                rejected.append(bad++ == 0 ? "" : ",").append("{\"line\":").append(first + i)
                        .append(",\"reason\":\"bad, \\\"really\\\"\"}");
            }
        }
        respond(exchange, 200, "{\"file\":\"" + query.get("file") + "\",\"firstLine\":" + first + ",\"rows\":" + lines.size()
                + ",\"imported\":" + (lines.size() - bad) + ",\"duplicates\":0,\"rejected\":[" + rejected + "]}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Run(int status, ImportCli cli, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ImportCli cli = new ImportCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PARLEY_GATEWAY_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "PARLEY_TOKEN", "t0k"));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--report-dir", tmp.resolve("reports").toString(), "--progress", "none"));
        int status = cli.run(all.toArray(String[]::new));
        return new Run(status, cli, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> lines(int n, String prefix) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void sendsAFileInChunksWithTheirFirstLineNumbersAndTheToken() throws IOException {
        Path file = tmp.resolve("plain.CSV");
        Files.write(file, lines(2500, "row "));
        Run run = run(file.toString(), "--chunk-lines", "1000", "--format", "v2");
        assertEquals(0, run.status(), run.err());
        // two requests are in flight at a time, so they may arrive in either order
        List<Map<String, String>> byLine = requests.stream()
                .sorted(java.util.Comparator.comparingLong(r -> Long.parseLong(r.get("firstLine")))).toList();
        assertEquals(List.of("1", "1001", "2001"), byLine.stream().map(r -> r.get("firstLine")).toList());
        assertEquals(List.of("1000", "1000", "500"), byLine.stream().map(r -> r.get("lines")).toList());
        assertTrue(requests.stream().allMatch(r -> r.get("file").equals("plain.CSV") && r.get("format").equals("v2")
                && r.get("auth").equals("Bearer t0k")));
        assertEquals(new ImportCli.Totals(2500, 2500, 0, 0), run.cli().totals());
        assertTrue(run.out().contains("rows in"), run.out());
    }

    @Test
    void readsGzipAndZipAndADirectoryInNameOrder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.export.CSV.gz")))) {
            gz.write(String.join("\n", lines(3, "gz ")).getBytes(StandardCharsets.UTF_8));
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("a.export.CSV.zip")))) {
            zip.putNextEntry(new ZipEntry("a.export.CSV"));
            zip.write((String.join("\n", lines(4, "zip ")) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(dir.resolve("c.csv"), lines(2, "plain "));
        Files.write(dir.resolve("notes.txt"), lines(2, "not gdelt "));
        Run run = run(dir.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("a.export.CSV.zip:a.export.CSV", "b.export.CSV.gz", "c.csv"),
                requests.stream().map(r -> r.get("file")).toList());
        assertEquals(List.of("4", "3", "2"), requests.stream().map(r -> r.get("lines")).toList());
        assertEquals(9, run.cli().totals().rows());
    }

    @Test
    void writesRejectedRowsAsCsvAndASummary() throws IOException {
        Path file = tmp.resolve("mixed.CSV");
        List<String> rows = new ArrayList<>(lines(30, "ok "));
        rows.set(9, "bad one");
        rows.set(24, "bad two");
        Files.write(file, rows);
        Run run = run(file.toString(), "--chunk-lines", "20");
        assertEquals(0, run.status(), run.err());
        assertEquals(new ImportCli.Totals(30, 28, 0, 2), run.cli().totals());
        assertEquals(List.of("file,line,reason", "mixed.CSV,10,\"bad, \"\"really\"\"\"", "mixed.CSV,25,\"bad, \"\"really\"\"\""),
                Files.readAllLines(tmp.resolve("reports/mixed.CSV.import-report.csv")));
        String summary = Files.readString(tmp.resolve("reports/mixed.CSV.import-summary.txt"));
        assertTrue(summary.contains("rejected:   2"), summary);
        assertTrue(run.out().contains("mixed.CSV:25  bad, \"really\""), run.out());
    }

    @Test
    void retriesAChunkWhileTheGatewayIsUnavailable() throws IOException {
        Path file = tmp.resolve("retry.CSV");
        Files.write(file, lines(5, "row "));
        failFirst.addAll(List.of(503, 503));
        Run run = run(file.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(3, requests.size());
        assertEquals(new ImportCli.Totals(5, 5, 0, 0), run.cli().totals());
    }

    @Test
    void stopsWithAMessageWhenTheTokenIsRefused() throws IOException {
        Path file = tmp.resolve("denied.CSV");
        Files.write(file, lines(5, "row "));
        status401.set(1);
        Run run = run(file.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("the gateway answered 401: The bearer token is invalid or expired"), run.err());
        assertTrue(run.err().contains("running the same command again is safe"), run.err());
    }

    @Test
    void stopsWhenTheGatewayCannotBeReached() throws IOException {
        Path file = tmp.resolve("nobody.CSV");
        Files.write(file, lines(1, "row "));
        server.stop(0);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ImportCli cli = new ImportCli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PARLEY_GATEWAY_URL", "http://127.0.0.1:1", "PARLEY_TOKEN", "t"));
        assertEquals(1, cli.run(new String[] { file.toString(), "--report-dir", tmp.toString(), "--progress", "none", "--retries", "0" }));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot connect to the gateway at http://127.0.0.1:1"));
    }

    @Test
    void rejectsUnknownOptionsAndMissingFiles() {
        assertEquals(2, run("--format", "v3", "x.CSV").status());
        assertEquals(2, run("--chunk-lines", "5000", "x.CSV").status());
        assertEquals(2, run("--nope").status());
        Run missing = run(tmp.resolve("missing.CSV").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file or directory"), missing.err());
    }

    @Test
    void mintsAnRs256AdminTokenTheGatewaysKeyVerifies() throws Exception {
        String token = ImportCli.mintToken(Path.of("dev-only-jwt/privateKey.pem"), "parley");
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String pem = Files.readString(Path.of("dev-only-jwt/publicKey.pem")).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) ImportCli.Json.parse(claims);
        assertEquals("parley", parsed.get("iss"));
        assertEquals(List.of("admin"), parsed.get("groups"));
        assertTrue((Long) parsed.get("exp") > (Long) parsed.get("iat"));
    }

    @Test
    void readsTheJsonTheGatewayAnswers() {
        assertEquals(Map.of("a", List.of(1L, 2.5, "x\"y\u00e9", true), "b", Map.of()),
                ImportCli.Json.parse("{\"a\": [1, 2.5, \"x\\\"y\\u00e9\", true], \"b\": {}}"));
        assertEquals("plain", ImportCli.csv("plain"));
        assertEquals("\"a,b\"", ImportCli.csv("a,b"));
    }
}
