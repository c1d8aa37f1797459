package org.parley.events.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.list;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.with;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One event per story (issue 17), specified on the real GDELT sample (2,111 rows of 24 October 2019, 14:30,
 * the importer's test resource): with {@code mergeStories}, the rows of one story — same day, code, place and
 * ordered participants — are one event however they are cut into batches, in whatever order, however often
 * they are sent, and however many batches race; a manual event is never merged into.
 *
 * <p>
 * Rows become batch items as the importer maps them, reduced to what the story rule reads: a GDELT actor is
 * one id per actor code (per name without a code), a place is resolved by its ActionGeo feature. Each test gives
 * its external ids a system of its own ({@code gdelt-<run>:<GLOBALEVENTID>}) and its actors ids of their own, so
 * tests do not see each other's stories.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryMergeTest {

    /** The importer's copy of the real sample (see its PROVENANCE.md); tests run in the module folder. */
    private static final Path SAMPLE = Path.of("../importer/src/test/resources/gdelt/20191024143000.export.CSV");

    @Inject
    Pool pool;

    private List<String[]> rows;
    private Map<String, String> placeIds;

    /**
     * Reads the sample and resolves its places once (on first use: REST Assured knows the test port only
     * once a test runs).
     */
    @BeforeEach
    void readTheSample() throws IOException {
        if (rows != null) {
            return;
        }
        rows = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).stream().map(l -> l.split("\t", -1)).toList();
        assertEquals(2111, rows.size());
        Set<String> codes = new HashSet<>(given().get("/event-types").then().statusCode(200).extract().path("code"));
        assertTrue(rows.stream().allMatch(r -> codes.contains(r[26])), "every code of the sample is in the catalogue");
        Map<String, Map<String, Object>> places = new LinkedHashMap<>();
        for (String[] r : rows) {
            if (!r[58].isEmpty() && !r[52].isEmpty()) {
                places.putIfAbsent(r[58], Map.of("key", "gdelt-feature:" + r[58],
                        "name", r[52].length() > 300 ? r[52].substring(0, 300) : r[52],
                        "kind", switch (r[51]) { case "1" -> "COUNTRY"; case "2", "5" -> "REGION"; default -> "CITY"; },
                        "latitude", Double.parseDouble(r[56]), "longitude", Double.parseDouble(r[57])));
            }
        }
        List<String> features = new ArrayList<>(places.keySet());
        List<String> ids = given().contentType(ContentType.JSON).body(Map.of("items", new ArrayList<>(places.values())))
                .post("/places/resolve").then().statusCode(200).extract().path("items.id");
        placeIds = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            placeIds.put(features.get(i), ids.get(i));
        }
    }

    /** One test's import: its external id system and its actors. */
    private final class Run {
        final String system = "gdelt-" + UUID.randomUUID().toString().substring(0, 8);
        final String actorSalt = UUID.randomUUID().toString();

        String actor(String code, String name) {
            String key = !code.isEmpty() ? code : name;
            return key.isEmpty() ? null : UUID.nameUUIDFromBytes((actorSalt + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
        }

        Map<String, Object> item(String[] r) {
            Map<String, Object> item = event("GDELT " + r[0], r[26],
                    LocalDate.parse(r[1], DateTimeFormatter.BASIC_ISO_DATE).toString());
            List<Object> people = new ArrayList<>();
            String a1 = actor(r[5], r[6]);
            String a2 = actor(r[15], r[16]);
            if (a1 != null) {
                people.addAll(List.of(a1, "SOURCE"));
            }
            if (a2 != null) {
                people.addAll(List.of(a2, "TARGET"));
            }
            item.put("participants", participants(people.toArray()));
            item.put("locationId", placeIds.get(r[58]));
            if (r[60].startsWith("http")) {
                item.put("sources", List.of(Map.of("url", r[60])));
            }
            item.put("externalIds", list(system + ":" + r[0]));
            item.put("metrics", Map.of("numMentions", Double.parseDouble(r[31]), "numSources", Double.parseDouble(r[32]),
                    "numArticles", Double.parseDouble(r[33]), "avgTone", Double.parseDouble(r[34]),
                    "isRootEvent", Double.parseDouble(r[25])));
            return item;
        }

        /** The story key as the rule defines it, computed here from the rows. */
        String story(String[] r) {
            return r[1] + "|" + r[26] + "|" + placeIds.get(r[58]) + "|" + actor(r[5], r[6]) + ">" + actor(r[15], r[16]);
        }

        /** Sends {@code items} in batches of {@code size}, in the order given, with mergeStories. */
        List<JsonPath> send(List<Map<String, Object>> items, int size) {
            List<JsonPath> answers = new ArrayList<>();
            for (int from = 0; from < items.size(); from += size) {
                answers.add(batch(items.subList(from, Math.min(items.size(), from + size))));
            }
            return answers;
        }

        /** What is stored for this run: per event, its external ids, sources, metrics and version. */
        Map<String, Stored> stored() {
            Map<String, Stored> out = new TreeMap<>();
            for (Row r : pool.preparedQuery("""
                    select e.id, e.metrics::text as metrics, e.version, e.story_key,
                        (select array_agg(x.external_id order by x.external_id) from event_external_id x where x.event_id = e.id) as ids,
                        (select count(*) from event_source s where s.event_id = e.id) as sources
                    from event e where e.id in (select event_id from event_external_id where external_id like $1)
                    """).execute(Tuple.of(system + ":%")).await().indefinitely()) {
                out.put(r.getUUID("id").toString(), new Stored(List.of(r.getArrayOfStrings("ids")),
                        r.getLong("sources"), new io.vertx.core.json.JsonObject(r.getString("metrics")).getMap(),
                        r.getLong("version"), r.getString("story_key")));
            }
            return out;
        }
    }

    record Stored(List<String> externalIds, long sources, Map<String, Object> metrics, long version, String storyKey) {

        double metric(String name) {
            return ((Number) metrics.get(name)).doubleValue();
        }
    }

    private static JsonPath batch(List<Map<String, Object>> items) {
        return given().contentType(ContentType.JSON).body(Map.of("items", items, "mergeStories", true))
                .post("/events/batch").then().statusCode(200).extract().jsonPath();
    }

    private static double sum(Map<String, Stored> stored, String metric) {
        return stored.values().stream().mapToDouble(s -> s.metric(metric)).sum();
    }

    private double sumOfRows(int column) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).sum();
    }

    @Test
    void theSampleIsOneEventPerStoryWhetherSentWholeInChunksOrShuffled() {
        // whole: batches of 1,000 in file order (the importer's chunks; 1,000 is the batch limit)
        Run whole = new Run();
        whole.send(rows.stream().map(whole::item).toList(), 1000);
        // chunks of 100, and shuffled in batches of 337: stories cut by many batch boundaries
        Run chunked = new Run();
        chunked.send(rows.stream().map(chunked::item).toList(), 100);
        Run shuffled = new Run();
        List<String[]> order = new ArrayList<>(rows);
        Collections.shuffle(order, new Random(17));
        shuffled.send(order.stream().map(shuffled::item).toList(), 337);

        long stories = rows.stream().map(whole::story).distinct().count();
        Map<String, Stored> a = whole.stored();
        Map<String, Stored> b = chunked.stored();
        Map<String, Stored> c = shuffled.stored();
        System.out.printf("stories: %d rows -> %d events whole, %d in chunks of 100, %d shuffled (%d story keys)%n",
                rows.size(), a.size(), b.size(), c.size(), stories);
        assertEquals(1919, stories, "the sample's stories under this test's actor and place identities");
        assertEquals(stories, a.size());
        assertEquals(stories, b.size());
        assertEquals(stories, c.size());
        for (Map<String, Stored> s : List.of(a, b, c)) {
            assertEquals(rows.size(), s.values().stream().mapToInt(e -> e.externalIds().size()).sum(), "every row's id, once");
            assertEquals(sumOfRows(31), sum(s, "numMentions"), 1e-6, "mentions summed, none lost, none twice");
            assertEquals(sumOfRows(33), sum(s, "numArticles"), 1e-6);
            assertTrue(s.values().stream().allMatch(e -> e.storyKey() != null));
        }
        // the same stories: the multiset of story sizes is the same whatever the order
        assertEquals(sizes(a), sizes(b));
        assertEquals(sizes(a), sizes(c));
    }

    private static List<Integer> sizes(Map<String, Stored> stored) {
        return stored.values().stream().map(s -> s.externalIds().size()).sorted().toList();
    }

    @Test
    void aReimportChangesNothingWhateverItsChunks() {
        Run run = new Run();
        List<Map<String, Object>> items = rows.stream().map(run::item).toList();
        run.send(items, 1000);
        Map<String, Stored> before = run.stored();

        List<JsonPath> again = run.send(items, 250);
        assertEquals(rows.size(), again.stream().mapToInt(j -> j.getInt("skipped")).sum());
        assertEquals(0, again.stream().mapToInt(j -> j.getInt("inserted") + j.getInt("merged")).sum());
        assertEquals(before, run.stored(), "same events, ids, sources, counts and versions");
    }

    @Test
    void aStorySplitOverBatchesIsMergedIntoTheStoredEventAsAnUpdate() {
        Run run = new Run();
        String[] row = rows.get(0);
        List<Map<String, Object>> reports = IntStream.range(0, 3).mapToObj(i -> {
            String[] r = row.clone();
            r[0] = row[0] + i;
            r[31] = String.valueOf(10 * (i + 1)); // mentions 10, 20, 30
            r[33] = String.valueOf(i + 1); // articles 1, 2, 3
            r[34] = String.valueOf(i); // tone 0, 1, 2
            r[60] = "https://example.org/report/" + (i % 2); // two distinct sources
            return run.item(r);
        }).toList();
        JsonPath first = batch(reports.subList(0, 1));
        String id = first.getString("ids[0]");
        long seq = lastChange();
        JsonPath second = batch(reports.subList(1, 3));
        assertEquals(0, second.getInt("inserted"));
        assertEquals(2, second.getInt("merged"));
        assertEquals(List.of(id, id), second.getList("ids"));

        Stored story = run.stored().get(id);
        assertEquals(3, story.externalIds().size());
        assertEquals(2, story.sources(), "a source already there is not added again");
        assertEquals(60, story.metric("numMentions"));
        assertEquals(6, story.metric("numArticles"));
        // tone weighted by articles: (0*1 + 1*2 + 2*3) / 6
        assertEquals(8.0 / 6, story.metric("avgTone"), 1e-9);
        assertEquals(1, story.version(), "one update: one new version");
        assertEquals(List.of("UPDATED"), changesSince(seq, id), "subscribers hear of the merge as an update");
    }

    @Test
    void aPartlySeenItemAddsOnlyItsNewIdsAndTheirShareOfItsCounts() {
        Run run = new Run();
        String[] row = rows.get(1);
        List<String[]> r = IntStream.range(0, 3).mapToObj(i -> {
            String[] x = row.clone();
            x[0] = row[0] + i;
            x[31] = "12";
            return x;
        }).toList();
        String id = batch(List.of(run.item(r.get(0)), run.item(r.get(1)))).getString("ids[0]");
        // an item of two ids, one of them stored: only the new id, and its half of the item's counts
        Map<String, Object> pair = with(run.item(r.get(2)), "externalIds",
                list(run.system + ":" + r.get(1)[0], run.system + ":" + r.get(2)[0]),
                "metrics", Map.of("numMentions", 40.0));
        JsonPath answer = batch(List.of(pair));
        assertEquals(1, answer.getInt("merged"));
        Stored story = run.stored().get(id);
        assertEquals(3, story.externalIds().size());
        assertEquals(12 + 12 + 20, story.metric("numMentions"));

        // sent again: all its ids are stored, nothing changes
        assertEquals(1, batch(List.of(pair)).getInt("skipped"));
        assertEquals(story, run.stored().get(id));
    }

    @Test
    void aManualEventOfTheSameDayActorsCodeAndPlaceIsNeverMergedInto() {
        Run run = new Run();
        String[] row = rows.get(2);
        Map<String, Object> imported = run.item(row);
        Map<String, Object> manual = with(imported, "title", "recorded by hand", "externalIds", null, "metrics", null);
        String manualId = recordId(manual);

        String importedId = batch(List.of(imported)).getString("ids[0]");
        assertNotEquals(manualId, importedId);
        JsonPath stored = given().get("/events/" + manualId).then().statusCode(200).extract().jsonPath();
        assertEquals(0, stored.getInt("version"));
        assertEquals(List.of(), stored.getList("externalIds"));

        // an imported event replaced by hand leaves its story: a later report of it is a new event
        given().contentType(ContentType.JSON).body(with(imported, "title", "corrected", "version", 0))
                .put("/events/" + importedId).then().statusCode(200);
        String[] later = row.clone();
        later[0] = row[0] + "7";
        String laterId = batch(List.of(run.item(later))).getString("ids[0]");
        assertNotEquals(importedId, laterId);
        assertNotEquals(manualId, laterId);
    }

    @Test
    void concurrentBatchesOfOneStoryMakeOneEvent() {
        Run run = new Run();
        String[] row = rows.get(3);
        int writers = 8;
        List<Map<String, Object>> reports = IntStream.range(0, writers * 3).mapToObj(i -> {
            String[] r = row.clone();
            r[0] = row[0] + i;
            r[31] = "1";
            return run.item(r);
        }).toList();
        // each writer sends three reports of the one story, and one report another writer sends too
        List<JsonPath> answers = IntStream.range(0, writers).mapToObj(w -> CompletableFuture.supplyAsync(() -> batch(List.of(
                reports.get(3 * w), reports.get(3 * w + 1), reports.get(3 * w + 2), reports.get((3 * w + 3) % reports.size())))))
                .toList().stream().map(CompletableFuture::join).toList();

        Map<String, Stored> stored = run.stored();
        assertEquals(1, stored.size(), "one event for the story");
        Stored story = stored.values().iterator().next();
        assertEquals(writers * 3, story.externalIds().size());
        assertEquals(writers * 3, story.metric("numMentions"), "each report counted once");
        assertEquals(1, answers.stream().mapToInt(j -> j.getInt("inserted")).sum());
        assertEquals(writers, answers.stream().mapToInt(j -> j.getInt("skipped")).sum());
    }

    @Test
    void mergesInTheSameNumberOfStatementsWhateverTheBatchSize() {
        assertEquals(statements(2), statements(200), "statements for 2 rows vs 200: new stories, then merges");
    }

    /** Statements of a batch of {@code size} sample rows, then of the same reports again under new ids (all merged). */
    private List<Integer> statements(int size) {
        Run run = new Run();
        List<String[]> part = rows.subList(0, size);
        List<Map<String, Object>> again = part.stream().map(r -> {
            String[] x = r.clone();
            x[0] = r[0] + "9";
            return run.item(x);
        }).toList();
        return List.of(statementsOf(part.stream().map(run::item).toList()), statementsOf(again));
    }

    private static int statementsOf(List<Map<String, Object>> items) {
        return Integer.parseInt(given().contentType(ContentType.JSON).body(Map.of("items", items, "mergeStories", true))
                .post("/events/batch").then().statusCode(200).extract().header("Parley-Sql-Statements"));
    }

    private long lastChange() {
        return pool.preparedQuery("select coalesce(max(seq), 0) as seq from event_change").execute().await().indefinitely()
                .iterator().next().getLong("seq");
    }

    private List<String> changesSince(long seq, String id) {
        List<String> out = new ArrayList<>();
        pool.preparedQuery("select kind from event_change where seq > $1 and event_id = $2 order by seq")
                .execute(Tuple.of(seq, UUID.fromString(id))).await().indefinitely().forEach(r -> out.add(r.getString("kind")));
        return out;
    }
}
