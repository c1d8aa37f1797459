package org.parley.importer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.e2e.E2eServices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code parley import --follow --once} over the real services ({@link E2eServices}) against a GDELT
 * stand-in on a local HTTP server: a {@code lastupdate.txt} the test writes and export zips made of the
 * real sample (fresh GLOBALEVENTIDs, a day per test, a feed name per test, so tests do not see each
 * other's rows or progress).
 */
@ExtendWith(E2eServices.class)
class FollowIT {

    private static final String FIRST = "20191024143000.export.CSV.zip";
    private static final String SECOND = "20191024144500.export.CSV.zip";
    private static final String THIRD = "20191024150000.export.CSV.zip";

    @TempDir
    Path tmp;

    private HttpServer gdelt;
    /** What the stand-in serves: path below /gdeltv2/ → bytes. */
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final String feed = "test-" + UUID.randomUUID();
    private final LocalDate day = GdeltFiles.freshDay();

    @BeforeEach
    void startGdelt() throws IOException {
        gdelt = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gdelt.createContext("/gdeltv2/", this::serve);
        gdelt.start();
    }

    @AfterEach
    void stopGdelt() {
        gdelt.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = files.get(exchange.getRequestURI().getPath().substring("/gdeltv2/".length()));
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (body != null) {
                out.write(body);
            }
        }
    }

    private String base() {
        return "http://127.0.0.1:" + gdelt.getAddress().getPort() + "/gdeltv2/";
    }

    /** lastupdate.txt as GDELT writes it: export, mentions and GKG lines, each {@code size md5 url}. */
    private void publish(String name, byte[] zip, long size, String md5) {
        files.put(name, zip);
        String stamp = name.substring(0, 14);
        files.put("lastupdate.txt", String.join("\n",
                "75203 0f8a2c49b6ee4ba6b4e2e7c4d5d91f2a " + base() + stamp + ".export.CSV.zip".replace("export", "mentions"),
                size + " " + md5 + " " + base() + name,
                "9876543 5e8f1d1c3e2b4a8f9c7d6e5f4a3b2c1d " + base() + stamp + ".gkg.csv.zip", "")
                .getBytes(StandardCharsets.UTF_8));
    }

    private void publish(String name, byte[] zip) {
        publish(name, zip, zip.length, md5(zip));
    }

    /** The real sample as a GDELT export zip, its rows given fresh ids from {@code offset}, all on the test's day. */
    private byte[] exportZip(String name, long offset) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name.replace(".zip", "")));
            zip.write((String.join("\n", GdeltFiles.fresh(GdeltFiles.sample(), offset, day)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImporterJar.Run round() {
        // one event per row: these tests count a feed's rows by its events (the story merge is GdeltImportIT's)
        return ImporterJar.run(tmp, List.of("--follow", base(), "--once", "--feed", feed, "--progress", "none",
                "--no-merge-stories", "--report-dir", tmp.resolve("reports").toString()));
    }

    private long eventsOnDay() {
        return given().baseUri(E2eServices.services().eventsUrl())
                .queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("limit", 1)
                .get("/events").then().statusCode(200).extract().jsonPath().getLong("totalCount");
    }

    /** The feed's last file in events-service, or null. */
    private String lastFile() {
        var answer = given().baseUri(E2eServices.services().eventsUrl()).get("/imports/" + feed);
        return answer.statusCode() == 404 ? null : answer.then().statusCode(200).extract().path("lastFile");
    }

    @Test
    void importsANewFileOnceAndTheSameFileNotAgain() throws IOException {
        publish(FIRST, exportZip(FIRST, GdeltFiles.freshOffset()));

        ImporterJar.Run first = round();
        assertEquals(0, first.status(), first.out() + first.err());
        assertEquals(GdeltFiles.SAMPLE_ROWS, first.totals().rows());
        assertEquals(0, first.totals().duplicates());
        assertEquals(first.totals().imported(), eventsOnDay());
        assertTrue(first.totals().imported() > 2000, first.out());
        assertEquals(FIRST, lastFile());

        ImporterJar.Run again = round();
        assertEquals(0, again.status(), again.out() + again.err());
        assertTrue(again.out().contains("up to date: " + FIRST), again.out());
        assertFalse(again.out().contains("parley import finished"), again.out());
        assertEquals(first.totals().imported(), eventsOnDay());
    }

    @Test
    void anMd5MismatchOrACorruptZipIsReportedAndTriedAgainNextRound() throws IOException {
        byte[] good = exportZip(FIRST, GdeltFiles.freshOffset());

        publish(FIRST, good, good.length, md5("something else".getBytes(StandardCharsets.UTF_8)));
        ImporterJar.Run mismatch = round();
        assertEquals(1, mismatch.status(), mismatch.out());
        assertTrue(mismatch.out().contains(FIRST + ": MD5 " + md5(good)), mismatch.out());
        assertTrue(mismatch.out().contains("trying again next round"), mismatch.out());

        byte[] corrupt = Arrays.copyOf(good, good.length / 2); // truncated: GDELT's own size and MD5 say so
        publish(FIRST, corrupt);
        ImporterJar.Run broken = round();
        assertEquals(1, broken.status(), broken.out());
        assertTrue(broken.out().contains(FIRST + ": corrupt zip"), broken.out());
        assertEquals(0, eventsOnDay());
        assertEquals(null, lastFile());

        publish(FIRST, good);
        ImporterJar.Run fixed = round();
        assertEquals(0, fixed.status(), fixed.out() + fixed.err());
        assertEquals(fixed.totals().imported(), eventsOnDay());
        assertEquals(0, fixed.totals().duplicates());
        assertEquals(FIRST, lastFile());
    }

    @Test
    void filesMissedWhileStoppedAreImportedInOrderAfterTheLastOneDone() throws IOException {
        long offset = GdeltFiles.freshOffset();
        publish(FIRST, exportZip(FIRST, offset));
        ImporterJar.Run first = round();
        assertEquals(0, first.status(), first.out() + first.err());

        // lastupdate.txt has moved on two files: the one in between is fetched by its name
        files.put(SECOND, exportZip(SECOND, offset + 10_000_000L));
        publish(THIRD, exportZip(THIRD, offset + 20_000_000L));
        ImporterJar.Run later = round();
        assertEquals(0, later.status(), later.out() + later.err());
        assertTrue(later.out().indexOf(SECOND + ": done") < later.out().indexOf(THIRD + ": done"), later.out());
        assertEquals(THIRD, lastFile());
        assertEquals(3 * first.totals().imported(), eventsOnDay());
    }

    @Test
    void twoReplicasTogetherImportTheFileOnceAndRecordItOnce() throws IOException {
        publish(FIRST, exportZip(FIRST, GdeltFiles.freshOffset()));
        CompletableFuture<ImporterJar.Run> a = CompletableFuture.supplyAsync(this::round);
        CompletableFuture<ImporterJar.Run> b = CompletableFuture.supplyAsync(this::round);
        List<ImporterJar.Run> runs = new ArrayList<>(List.of(a.join(), b.join()));
        for (ImporterJar.Run run : runs) {
            assertEquals(0, run.status(), run.out() + run.err());
        }
        long imported = runs.stream().filter(r -> r.out().contains("parley import finished"))
                .mapToLong(r -> r.totals().imported()).sum();
        assertEquals(imported, eventsOnDay()); // what one imported, the other found as duplicates
        assertTrue(imported > 2000);
        assertEquals(FIRST, lastFile());
        assertEquals(1, (int) given().baseUri(E2eServices.services().eventsUrl()).get("/imports/" + feed)
                .then().extract().path("version"));
    }
}
