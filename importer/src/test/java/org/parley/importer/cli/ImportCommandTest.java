package org.parley.importer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.importer.FakeServices;
import org.parley.importer.GdeltFiles;
import org.parley.importer.ImportSummary;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The command against stand-ins for the two services ({@link FakeServices}): what it sends (one actors
 * resolve, one places resolve and one events batch per chunk, the token), how it reads .gz/.zip and
 * directories, retries and reports. Over the real services: GdeltImportIT.
 */
@QuarkusMainTest
class ImportCommandTest {

    @TempDir
    Path tmp;

    private FakeServices services;

    @BeforeEach
    void startFakeServices() throws IOException {
        services = new FakeServices();
    }

    @AfterEach
    void stop() {
        services.close();
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--report-dir", tmp.resolve("reports").toString(), "--progress", "none"));
        if (!all.contains("--actors-url")) {
            all.addAll(List.of("--actors-url", services.url()));
        }
        all.addAll(List.of("--events-url", services.url()));
        return launcher.launch(all.toArray(String[]::new));
    }

    private static List<Integer> sizes(List<FakeServices.Call> calls) {
        return calls.stream().map(FakeServices.Call::items).toList();
    }

    @Test
    void sendsEachChunkAsOneActorsResolveOnePlacesResolveAndOneEventsBatchWithTheToken(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "sample.CSV", GdeltFiles.sample());
        LaunchResult run = run(launcher, file.toString(), "--chunk-lines", "1000", "--format", "v2", "--token", "t0k");
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertEquals(new ImportSummary(2111, 2111, 0, 0), ImportSummary.of(run.getOutput()));
        assertEquals(3, services.calls("/actors/resolve").size());
        assertEquals(3, services.calls("/places/resolve").size());
        // two chunks are in flight at a time, so their batches may arrive in either order
        assertEquals(List.of(111, 1000, 1000), sizes(services.calls("/events/batch")).stream().sorted().toList());
        assertTrue(services.calls.stream().allMatch(c -> "Bearer t0k".equals(c.authorization())), services.calls.toString());
    }

    /**
     * Merging is events-service's (its batch's mergeStories, checked against the stored stories): the importer
     * asks for it by default, sends one item per row (a row seen before is known by its one GLOBALEVENTID), and
     * --no-merge-stories asks for one event per row.
     */
    @Test
    void asksEventsServiceToMergeStoriesByDefaultOneItemPerRow(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "sample.CSV", GdeltFiles.sample());
        LaunchResult run = run(launcher, file.toString());
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertEquals(new ImportSummary(2111, 2111, 0, 0), ImportSummary.of(run.getOutput()));
        List<FakeServices.Call> batches = services.calls("/events/batch");
        assertEquals(2111, sizes(batches).stream().mapToInt(Integer::intValue).sum());
        assertTrue(batches.stream().allMatch(FakeServices.Call::mergeStories), batches.toString());
        // the chunk's actors' event counts go to actors-service after its batch
        assertEquals(3, services.calls("/actors/event-counts").size());
    }

    @Test
    void asksForOneEventPerRowWithNoMergeStories(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "few.CSV", GdeltFiles.sample().subList(0, 10));
        LaunchResult run = run(launcher, file.toString(), "--no-merge-stories");
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        List<FakeServices.Call> batches = services.calls("/events/batch");
        assertEquals(List.of(10), sizes(batches));
        assertTrue(batches.stream().noneMatch(FakeServices.Call::mergeStories), batches.toString());
    }

    @Test
    void sendsNoAuthorizationWithoutAToken(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "few.CSV", GdeltFiles.sample().subList(0, 10));
        LaunchResult run = run(launcher, file.toString());
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertTrue(services.calls.stream().allMatch(c -> c.authorization() == null), services.calls.toString());
    }

    @Test
    void readsGzipAndZipAndADirectoryInNameOrder(QuarkusMainLauncher launcher) throws IOException {
        List<String> sample = GdeltFiles.sample();
        Path dir = Files.createDirectories(tmp.resolve("in"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.export.CSV.gz")))) {
            gz.write(String.join("\n", sample.subList(0, 3)).getBytes(StandardCharsets.UTF_8));
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("a.export.CSV.zip")))) {
            zip.putNextEntry(new ZipEntry("a.export.CSV"));
            zip.write((String.join("\n", sample.subList(3, 7)) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        GdeltFiles.write(dir, "c.csv", sample.subList(7, 9));
        GdeltFiles.write(dir, "notes.txt", List.of("not gdelt"));
        LaunchResult run = run(launcher, dir.toString());
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertEquals(List.of(4, 3, 2), sizes(services.calls("/events/batch")));
        assertEquals(new ImportSummary(9, 9, 0, 0), ImportSummary.of(run.getOutput()));
    }

    @Test
    void writesRejectedRowsWithTheirLineNumbersAsCsvAndASummary(QuarkusMainLauncher launcher) throws IOException {
        List<String> rows = new ArrayList<>(GdeltFiles.sample().subList(0, 30));
        rows.set(9, "bad, one");
        String[] unknown = GdeltFiles.columns(rows.get(24));
        unknown[26] = "999";
        rows.set(24, GdeltFiles.join(unknown));
        Path file = GdeltFiles.write(tmp, "mixed.CSV", rows);
        LaunchResult run = run(launcher, file.toString(), "--chunk-lines", "20");
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertEquals(new ImportSummary(30, 28, 0, 2), ImportSummary.of(run.getOutput()));
        assertEquals(List.of("file,line,reason",
                "mixed.CSV,10,\"wrong column count: 1 (expected 61 for GDELT 2.0, 58 or 57 for GDELT 1.0)\"",
                "mixed.CSV,25,unknown event code '999'"),
                Files.readAllLines(tmp.resolve("reports/mixed.CSV.import-report.csv")));
        String summary = Files.readString(tmp.resolve("reports/mixed.CSV.import-summary.txt"));
        assertTrue(summary.contains("rejected:   2"), summary);
        assertTrue(run.getOutput().contains("mixed.CSV:25  unknown event code '999'"), run.getOutput());
    }

    @Test
    void retriesAChunkWhileAServiceIsUnavailable(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "retry.CSV", GdeltFiles.sample().subList(0, 5));
        services.failNext.put("/events/batch", new ArrayList<>(List.of(503, 503)));
        LaunchResult run = run(launcher, file.toString());
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertEquals(3, services.calls("/events/batch").size());
        assertEquals(new ImportSummary(5, 5, 0, 0), ImportSummary.of(run.getOutput()));
    }

    @Test
    void retriesOnlyTheCountUpdateWhenItFailsAfterTheBatchWasStored(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "counts.CSV", GdeltFiles.sample().subList(0, 5));
        services.failNext.put("/actors/event-counts", new ArrayList<>(List.of(503, 503)));
        LaunchResult run = run(launcher, file.toString());
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertEquals(1, services.calls("/events/batch").size());
        assertEquals(3, services.calls("/actors/event-counts").size());
        assertEquals(new ImportSummary(5, 5, 0, 0), ImportSummary.of(run.getOutput()));
    }

    @Test
    void reportsTheDuplicatesOfAChunkSentAgainApartFromRowsImportedBefore(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "resent.CSV", GdeltFiles.sample().subList(0, 5));
        // the batch is stored, then the count update fails past its own retries: the whole chunk is sent again
        services.failNext.put("/actors/event-counts", new ArrayList<>(List.of(503, 503, 503, 503)));
        LaunchResult run = run(launcher, file.toString());
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertEquals(2, services.calls("/events/batch").size());
        assertEquals(new ImportSummary(5, 0, 0, 5, 0), ImportSummary.of(run.getOutput()));
        assertTrue(run.getOutput().contains("resent:     5 (found stored when a chunk was sent again"), run.getOutput());
    }

    @Test
    void stopsWithAMessageWhenTheTokenIsRefused(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "denied.CSV", GdeltFiles.sample().subList(0, 5));
        services.failNext.put("/actors/resolve", new ArrayList<>(List.of(401)));
        LaunchResult run = run(launcher, file.toString(), "--token", "expired");
        assertEquals(1, run.exitCode());
        assertTrue(run.getErrorOutput().contains("actors-service answered 401: The bearer token is invalid or expired"),
                run.getErrorOutput());
        assertTrue(run.getErrorOutput().contains("running the same command again is safe"), run.getErrorOutput());
    }

    @Test
    void stopsWhenAServiceCannotBeReached(QuarkusMainLauncher launcher) {
        Path file = GdeltFiles.write(tmp, "nobody.CSV", GdeltFiles.sample().subList(0, 1));
        LaunchResult run = run(launcher, file.toString(), "--actors-url", "http://127.0.0.1:1", "--retries", "0");
        assertEquals(1, run.exitCode());
        assertTrue(run.getErrorOutput().contains("actors-service is unavailable"), run.getErrorOutput());
    }

    @Test
    void rejectsBadOptionsAndMissingFiles(QuarkusMainLauncher launcher) {
        assertEquals(2, run(launcher, "--format", "v3", "x.CSV").exitCode());
        assertEquals(2, run(launcher, "--chunk-lines", "5000", "x.CSV").exitCode());
        assertEquals(2, run(launcher, "--nope").exitCode());
        assertEquals(2, run(launcher).exitCode());
        assertEquals(2, run(launcher, "--follow", "--interval", "soon").exitCode());
        LaunchResult missing = run(launcher, tmp.resolve("missing.CSV").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.getErrorOutput().contains("no such file or directory"), missing.getErrorOutput());
    }

    @Test
    void quotesReportFieldsAsCsv() {
        assertEquals("plain", FileImport.csv("plain"));
        assertEquals("\"a,b\"", FileImport.csv("a,b"));
        assertEquals("\"say \"\"no\"\"\"", FileImport.csv("say \"no\""));
    }
}
