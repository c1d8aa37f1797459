package org.parley.importer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.Fixtures;
import org.parley.gateway.e2e.E2eServices;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The GDELT import over the real services ({@link E2eServices}; the importer writes to actors-service and
 * events-service, the results are read back through the gateway): the real 2.0 sample, 1.0 layouts,
 * injected bad lines, re-imports and an import process killed mid-way. Each run is the packaged importer
 * ({@link ImporterJar}) as {@code bin/parley import} starts it. Each test gives its rows fresh
 * GLOBALEVENTIDs (and, where it counts events, a day of its own), so tests do not see each other's rows.
 */
@ExtendWith(E2eServices.class)
class GdeltImportIT {

    @TempDir
    Path tmp;

    private ImporterJar.Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--report-dir", tmp.resolve("reports").toString(), "--progress", "plain"));
        return ImporterJar.run(tmp, all);
    }

    /** One event per row: for the tests that count a file's rows by the events of their day. */
    private ImporterJar.Run cliPerRow(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--no-merge-stories");
        return cli(all.toArray(String[]::new));
    }

    private List<String> report(String name) throws Exception {
        return Files.readAllLines(tmp.resolve("reports").resolve(name + ".import-report.csv"));
    }

    /** Events on one day, counted by events-service itself. */
    private static long eventsOn(LocalDate day) {
        return given().baseUri(E2eServices.services().eventsUrl())
                .queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("limit", 1)
                .get("/events").then().statusCode(200).extract().jsonPath().getLong("totalCount");
    }

    private static JsonPath graphql(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return given().baseUri(E2eServices.services().gatewayUrl()).contentType(ContentType.JSON)
                .accept(ContentType.JSON).body(Fixtures.json(body)).post("/graphql")
                .then().statusCode(200).body("errors", is((Object) null)).extract().jsonPath();
    }

    private static final String EVENTS_OF_DAY = """
            query Day($day: Date, $codes: [String], $text: String) {
              events(filter: {from: $day, to: $day, codes: $codes, text: $text}, first: 100) {
                edges { node {
                  id title code start precision status externalIds
                  type { name goldstein quadClass }
                  location { name kind countryCode latitude longitude }
                  participants { role actor { name kind country cameoCode } }
                  sources { url title publishedAt }
                } }
              }
            }""";

    /**
     * The event recorded for a GLOBALEVENTID, through GraphQL: its day, its code and the id in the
     * summary's full text narrow the search to (about) one.
     */
    private static Map<String, Object> eventByGdeltId(long id, String day, String code) {
        List<Map<String, Object>> nodes = graphql(EVENTS_OF_DAY,
                Map.of("day", day, "codes", List.of(code), "text", String.valueOf(id)))
                .getList("data.events.edges.node");
        return nodes.stream().filter(n -> ((List<?>) n.get("externalIds")).contains("gdelt:" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no event with external id gdelt:" + id + " among " + nodes.size()));
    }

    @Test
    void realSampleImportsEveryRowAccountedForAndAReimportAddsNothing() throws Exception {
        LocalDate day = GdeltFiles.freshDay();
        Path file = GdeltFiles.write(tmp, "sample-fresh.CSV",
                GdeltFiles.fresh(GdeltFiles.sample(), GdeltFiles.freshOffset(), day));

        ImporterJar.Run first = cliPerRow(file.toString());
        assertEquals(0, first.status(), first.err());
        assertEquals(GdeltFiles.SAMPLE_ROWS, first.totals().rows());
        assertEquals(GdeltFiles.SAMPLE_ROWS, first.totals().imported() + first.totals().rejected(), first.out());
        assertEquals(0, first.totals().duplicates());
        // every rejected row has a line and a reason in the report
        assertEquals(first.totals().rejected(), report("sample-fresh.CSV").size() - 1);
        assertEquals(first.totals().imported(), eventsOn(day));
        assertTrue(first.out().contains(String.format(java.util.Locale.ROOT, "imported:   %,d", first.totals().imported())), first.out());

        ImporterJar.Run again = cliPerRow(file.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(0, again.totals().imported());
        assertEquals(first.totals().imported(), again.totals().duplicates());
        assertEquals(first.totals().rejected(), again.totals().rejected());
        assertEquals(first.totals().imported(), eventsOn(day));
    }

    /**
     * One event per story, the importer's default, over the real services: the sample (all on one day) makes the
     * same events whole, as two overlapping files in chunks of 300, or reversed in chunks of 1,000; a re-import
     * changes nothing; one event per row without merging.
     */
    @Test
    void theSampleIsTheSameStoriesWholeOverlappingOrReversedAndAReimportAddsNothing() {
        List<String> sample = GdeltFiles.sample();
        LocalDate wholeDay = GdeltFiles.freshDay();
        Path whole = GdeltFiles.write(tmp, "whole.CSV", GdeltFiles.fresh(sample, GdeltFiles.freshOffset(), wholeDay));
        ImporterJar.Run run = cli(whole.toString());
        assertEquals(0, run.status(), run.err());
        long stories = eventsOn(wholeDay);
        System.out.printf("stories: %d rows of one day -> %d events (%d rows imported)%n", sample.size(), stories,
                run.totals().imported());
        assertTrue(stories < run.totals().imported(), "GDELT reports a happening in several rows: " + stories);
        assertTrue(run.out().contains(String.format(java.util.Locale.ROOT, "(as %,d new events", stories)), run.out());

        LocalDate overlapDay = GdeltFiles.freshDay();
        List<String> rows = GdeltFiles.fresh(sample, GdeltFiles.freshOffset(), overlapDay);
        assertEquals(0, cli(GdeltFiles.write(tmp, "first.CSV", rows.subList(0, 1500)).toString(), "--chunk-lines", "300").status());
        ImporterJar.Run second = cli(GdeltFiles.write(tmp, "second.CSV", rows.subList(1000, rows.size())).toString(),
                "--chunk-lines", "300");
        assertEquals(500, second.totals().duplicates(), second.out());
        assertEquals(stories, eventsOn(overlapDay), "overlapping files: the same stories");

        LocalDate reversedDay = GdeltFiles.freshDay();
        List<String> reversed = new ArrayList<>(GdeltFiles.fresh(sample, GdeltFiles.freshOffset(), reversedDay));
        java.util.Collections.reverse(reversed);
        Path back = GdeltFiles.write(tmp, "reversed.CSV", reversed);
        assertEquals(0, cli(back.toString()).status());
        assertEquals(stories, eventsOn(reversedDay), "reversed: the same stories");

        ImporterJar.Run again = cli(back.toString(), "--chunk-lines", "100");
        assertEquals(0, again.totals().imported(), again.out());
        assertEquals(stories, eventsOn(reversedDay), "a re-import adds nothing");

        LocalDate perRowDay = GdeltFiles.freshDay();
        ImporterJar.Run perRow = cliPerRow(GdeltFiles.write(tmp, "per-row.CSV",
                GdeltFiles.fresh(sample, GdeltFiles.freshOffset(), perRowDay)).toString());
        assertEquals(perRow.totals().imported(), eventsOn(perRowDay), "--no-merge-stories: one event per row");
    }

    /** The services take the bulk endpoints only from role importer: another token stops the import, nothing written. */
    @Test
    void aTokenWithoutRoleImporterIsRefusedAndNothingIsWritten() {
        LocalDate day = GdeltFiles.freshDay();
        Path file = GdeltFiles.write(tmp, "refused.CSV", GdeltFiles.fresh(GdeltFiles.sample().subList(0, 50),
                GdeltFiles.freshOffset(), day));
        ImporterJar.Run refused = cli(file.toString(), "--token", E2eServices.services().token("editor", "reader"));
        assertEquals(1, refused.status(), refused.out() + refused.err());
        assertTrue((refused.out() + refused.err()).contains("403"), refused.out() + refused.err());
        assertEquals(0, eventsOn(day));
    }

    @Test
    void anOverlappingFileAddsOnlyItsNewRows() {
        LocalDate day = GdeltFiles.freshDay();
        List<String> rows = GdeltFiles.fresh(GdeltFiles.sample(), GdeltFiles.freshOffset(), day);
        Path first = GdeltFiles.write(tmp, "first.CSV", rows.subList(0, 1500));
        Path second = GdeltFiles.write(tmp, "second.CSV", rows.subList(1000, rows.size()));

        assertEquals(new ImportSummary(1500, 1500, 0, 0), cliPerRow(first.toString()).totals());
        ImporterJar.Run overlapping = cliPerRow(second.toString());
        assertEquals(0, overlapping.status(), overlapping.err());
        assertEquals(new ImportSummary(rows.size() - 1000, rows.size() - 1500, 500, 0), overlapping.totals());
        assertEquals(rows.size(), eventsOn(day));
    }

    @Test
    void knownRowsComeOutRightThroughGraphQL() {
        // The unmodified sample (its real GLOBALEVENTIDs): importing it twice in one run is harmless.
        Path file = GdeltFiles.write(tmp, GdeltFiles.SAMPLE, GdeltFiles.sample());
        // one event per row: each row's own source and counts (a story's event has all its rows')
        ImporterJar.Run run = cliPerRow(file.toString());
        assertEquals(0, run.status(), run.err());

        // 881992818: USA "DALLAS" → RUS "RUSSIA", 180, in Dallas: the states, CAMEO's names.
        Map<String, Object> dallas = eventByGdeltId(881992818L, "2019-10-24", "180");
        assertEquals("United States (DALLAS) — Use unconventional violence, not specified below — Russia",
                dallas.get("title"));
        assertEquals("2019-10-24", dallas.get("start"));
        assertEquals("DAY", dallas.get("precision"));
        assertEquals("OCCURRED", dallas.get("status"));
        assertEquals(Map.of("name", "Use unconventional violence, not specified below", "goldstein", -9.0f,
                "quadClass", 4), dallas.get("type"));
        assertEquals(List.of(
                Map.of("role", "SOURCE", "actor", Map.of("name", "United States", "kind", "STATE", "country", "USA",
                        "cameoCode", "USA")),
                Map.of("role", "TARGET", "actor", Map.of("name", "Russia", "kind", "STATE", "country", "RUS",
                        "cameoCode", "RUS"))),
                dallas.get("participants"));
        assertEquals(Map.of("name", "Dallas, Texas, United States", "kind", "CITY", "countryCode", "USA",
                "latitude", 32.7831f, "longitude", -96.8067f), dallas.get("location"));
        assertEquals(List.of(Map.of("url",
                "https://www.timesrecordnews.com/story/news/2019/10/24/texas-gun-laws-what-happens-when-good-guys-have-guns/2278198001/",
                "publishedAt", "2019-10-24T14:30:00Z")), withoutNulls(dallas.get("sources")));

        // 881990833: no Actor1; Actor2 IGOEUREEC "THE EU" (known group EEC, type IGO), 040, in Minsk, dated 2018.
        Map<String, Object> eu = eventByGdeltId(881990833L, "2018-10-24", "040");
        assertEquals("Consult, not specified below — THE EU", eu.get("title"));
        assertEquals(List.of(Map.of("role", "TARGET", "actor", Map.of("name", "THE EU", "kind", "ORGANIZATION",
                "cameoCode", "IGOEUREEC"))), withoutNulls(eu.get("participants")));
        assertEquals("Minsk, Belarus (general), Belarus", ((Map<?, ?>) eu.get("location")).get("name"));
        assertEquals("BLR", ((Map<?, ?>) eu.get("location")).get("countryCode"));
        assertEquals(1.0f, ((Map<?, ?>) eu.get("type")).get("goldstein"));

        // 881992268: NOR "NORWAY" visits RUS "MOSCOW" (042) in Moscow; the same state as "RUSSIA" above.
        Map<String, Object> visit = eventByGdeltId(881992268L, "2019-10-24", "042");
        assertEquals("Norway — Make a visit — Russia (MOSCOW)", visit.get("title"));
        assertEquals(1.9f, ((Map<?, ?>) visit.get("type")).get("goldstein"));
        String russiaInVisit = graphqlActorId(visit, "TARGET");
        String russiaInDallas = graphqlActorId(eventByGdeltId(881992818L, "2019-10-24", "180"), "TARGET");
        assertEquals(russiaInDallas, russiaInVisit);

        // 881991062: AFG → RUS, 046, located in the country Russia (geo type 1, FIPS RS).
        Map<String, Object> talks = eventByGdeltId(881991062L, "2019-10-24", "046");
        assertEquals(Map.of("name", "Russia", "kind", "COUNTRY", "countryCode", "RUS", "latitude", 60.0f,
                "longitude", 100.0f), talks.get("location"));

        // GDELT's counts and tone are kept as metrics (events-service REST; not in the GraphQL schema).
        Map<String, Object> metrics = given().baseUri(E2eServices.services().eventsUrl())
                .get("/events/" + dallas.get("id")).then().statusCode(200).extract().jsonPath().getMap("metrics");
        assertEquals(Set.of("numMentions", "numSources", "numArticles", "avgTone", "isRootEvent"), metrics.keySet());
    }

    private static String graphqlActorId(Map<String, Object> event, String role) {
        String query = """
                query E($id: ID!) { event(id: $id) { participants { role actorId } } }""";
        List<Map<String, Object>> participants = graphql(query, Map.of("id", event.get("id")))
                .getList("data.event.participants");
        return participants.stream().filter(p -> role.equals(p.get("role"))).map(p -> (String) p.get("actorId"))
                .findFirst().orElseThrow();
    }

    /** The list of maps with null values left out (also inside a nested "actor"). */
    @SuppressWarnings("unchecked")
    private static Object withoutNulls(Object maps) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) maps) {
            Map<String, Object> copy = new LinkedHashMap<>(m);
            copy.values().removeIf(v -> v == null);
            if (copy.get("actor") instanceof Map<?, ?> actor) {
                Map<String, Object> a = new LinkedHashMap<>((Map<String, Object>) actor);
                a.values().removeIf(v -> v == null);
                copy.put("actor", a);
            }
            list.add(copy);
        }
        return list;
    }

    @Test
    void gdelt1DailyAndBackFileRowsImport() throws Exception {
        LocalDate day = GdeltFiles.freshDay();
        List<String> rows = GdeltFiles.fresh(GdeltFiles.sample().subList(0, 300), GdeltFiles.freshOffset(), day);
        List<String> daily = new ArrayList<>(rows.subList(0, 150).stream().map(GdeltFiles::toV1Daily).toList());
        // GDELT names some sources instead of linking them
        String[] named = GdeltFiles.columns(daily.get(2));
        named[57] = "BBC Monitoring";
        daily.set(2, GdeltFiles.join(named));
        List<String> backfile = rows.subList(150, 300).stream().map(GdeltFiles::toV1Backfile).toList();
        assertEquals(58, GdeltFiles.columns(daily.get(0)).length);
        assertEquals(57, GdeltFiles.columns(backfile.get(0)).length);
        Path dir = Files.createDirectories(tmp.resolve("v1"));
        GdeltFiles.write(dir, "a-daily.CSV", daily);
        GdeltFiles.write(dir, "b-backfile.csv", backfile);

        // a forced format that does not fit rejects every line, saying why
        ImporterJar.Run forced = cliPerRow(dir.resolve("a-daily.CSV").toString(), "--format", "v2");
        assertEquals(0, forced.status(), forced.err());
        assertEquals(150, forced.totals().rejected());
        assertTrue(report("a-daily.CSV").get(1).endsWith(",wrong column count: 58 (format v2 needs 61)"),
                report("a-daily.CSV").get(1));

        ImporterJar.Run run = cliPerRow(dir.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(300, run.totals().rows());
        assertEquals(0, run.totals().rejected(), run.out());
        assertEquals(300, run.totals().imported());
        assertEquals(300, eventsOn(day));

        // first row of each: the daily one has its source (URL, DATEADDED as a day), the back file none
        String[] d = GdeltFiles.columns(daily.get(1));
        Map<String, Object> dailyEvent = eventByGdeltId(Long.parseLong(d[0]), day.toString(), d[26]);
        assertEquals(List.of(Map.of("url", d[57], "publishedAt", "2019-10-24T00:00:00Z")),
                withoutNulls(dailyEvent.get("sources")));
        Map<String, Object> namedEvent = eventByGdeltId(Long.parseLong(named[0]), day.toString(), named[26]);
        assertEquals(List.of(Map.of("title", "BBC Monitoring", "publishedAt", "2019-10-24T00:00:00Z")),
                withoutNulls(namedEvent.get("sources")));
        assertEquals(List.of(), eventByGdeltId(Long.parseLong(GdeltFiles.columns(backfile.get(1))[0]), day.toString(),
                GdeltFiles.columns(backfile.get(1))[26]).get("sources"));
        assertEquals("Minsk, Belarus (general), Belarus", ((Map<?, ?>) dailyEvent.get("location")).get("name"));
    }

    @Test
    void injectedBadLinesAreReportedExactlyAndEveryGoodRowImports() throws Exception {
        LocalDate day = GdeltFiles.freshDay();
        List<String> lines = new ArrayList<>(GdeltFiles.fresh(GdeltFiles.sample(), GdeltFiles.freshOffset(), day));
        String template = lines.get(10);
        String[] unknownCode = GdeltFiles.columns(GdeltFiles.withId(template, 1));
        unknownCode[26] = "999";
        String[] badDate = GdeltFiles.columns(GdeltFiles.withId(template, 2));
        badDate[1] = "20191345";
        String[] badId = GdeltFiles.columns(template);
        badId[0] = "12x";
        // inserted in ascending order, so each lands on the line number named here
        Map<Integer, String> injected = new LinkedHashMap<>();
        injected.put(5, "garbage without tabs");
        injected.put(100, GdeltFiles.join(unknownCode));
        injected.put(1500, GdeltFiles.join(badDate));
        injected.put(2000, "");
        injected.put(2114, GdeltFiles.join(badId));
        List<Integer> positions = new ArrayList<>(injected.keySet());
        for (int p : positions) {
            lines.add(p - 1, injected.get(p));
        }
        Path file = GdeltFiles.write(tmp, "injected.CSV", lines);

        ImporterJar.Run run = cliPerRow(file.toString(), "--chunk-lines", "700");
        assertEquals(0, run.status(), run.err());
        assertEquals(GdeltFiles.SAMPLE_ROWS + 5, run.totals().rows());
        assertEquals(GdeltFiles.SAMPLE_ROWS, run.totals().imported(), run.out());
        assertEquals(5, run.totals().rejected());
        assertEquals(List.of("file,line,reason",
                "injected.CSV,5,\"wrong column count: 1 (expected 61 for GDELT 2.0, 58 or 57 for GDELT 1.0)\"",
                "injected.CSV,100,unknown event code '999'",
                "injected.CSV,1500,unparsable SQLDATE: '20191345'",
                "injected.CSV,2000,empty line",
                "injected.CSV,2114,unparsable GLOBALEVENTID: '12x'"), report("injected.CSV"));
        assertEquals(GdeltFiles.SAMPLE_ROWS, eventsOn(day));
        assertTrue(run.out().contains("injected.CSV:100  unknown event code '999'"), run.out());
    }

    @Test
    void aKilledImportRunAgainEndsCompleteWithoutDuplicates() throws Exception {
        LocalDate day = GdeltFiles.freshDay();
        long offset = GdeltFiles.freshOffset();
        List<String> lines = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            lines.addAll(GdeltFiles.fresh(GdeltFiles.sample(), offset + copy * 10_000_000L, day));
        }
        Path file = GdeltFiles.write(tmp, "three-copies.CSV", lines);
        Process process = ImporterJar.start(List.of(file.toString(), "--chunk-lines", "50", "--parallel", "1",
                "--no-merge-stories", "--report-dir", tmp.resolve("killed").toString()), tmp.resolve("killed.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long before = 0;
        while (before == 0 && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(50); // polling the database for the first committed chunk
            before = eventsOn(day);
        }
        process.destroyForcibly(); // SIGKILL: no shutdown hook, a chunk may be in flight
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        long atKill = eventsOn(day);
        assertTrue(atKill > 0 && atKill < lines.size(),
                "the import should have been killed half-way, but " + atKill + " events were there\n"
                        + Files.readString(tmp.resolve("killed.log")));

        ImporterJar.Run rerun = cliPerRow(file.toString());
        assertEquals(0, rerun.status(), rerun.err());
        assertEquals(lines.size(), rerun.totals().rows());
        assertEquals(0, rerun.totals().rejected(), rerun.out());
        assertTrue(rerun.totals().duplicates() >= atKill, rerun.out());
        assertEquals(lines.size(), rerun.totals().imported() + rerun.totals().duplicates());
        assertEquals(lines.size(), eventsOn(day));
    }
}
