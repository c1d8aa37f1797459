package org.parley.events.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.with;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.events.event.EventFilter;
import org.parley.events.stats.repository.CountsRepository;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * GET /stats/counts reads the event_count rollup (V10) where it can answer the filter and counts the
 * events otherwise; both must give the same answer, for every grouping, interval and filter the
 * rollup takes, and keep giving it after every kind of write (records, batches, replacements,
 * patches, participant changes, deletions): the rollup must never drift from the events.
 * The comparisons cover the whole test database (other classes' events too): both ways read the same rows.
 */
@QuarkusTest
class CountsRollupTest {

    private static final List<String> CODES = List.of("042", "106", "138", "037", "014", "036", "111", "010", "051",
            "112", "013", "192");
    private static final String[] ROLES = { "SOURCE", "TARGET", "HOST", "ATTENDEE", "MEDIATOR" };

    @Inject
    CountsRepository counts;

    @Inject
    Pool pool;

    private final Random random = new Random(17);
    private final List<String> actors = new ArrayList<>();
    private final List<String> places = new ArrayList<>();

    @Test
    void rollupAndExactStatementAgreeThroughEveryKindOfWrite() {
        for (int i = 0; i < 6; i++) {
            actors.add(actor());
        }
        String countryA = place("COUNTRY", "QQA", null);
        String countryB = place("COUNTRY", "QQB", null);
        places.addAll(List.of(countryA, countryB, place("CITY", "QQA", countryA), place("CITY", "QQB", countryB),
                place("REGION", null, null)));

        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(randomEvent("batch " + i));
        }
        List<String> ids = new ArrayList<>(given().contentType(ContentType.JSON).body(Map.of("items", batch))
                .post("/events/batch").then().statusCode(200).extract().<List<String>>path("ids"));
        for (int i = 0; i < 30; i++) {
            ids.add(recordId(randomEvent("single " + i)));
        }
        // the same actor in two roles counts once for it (and makes no pair with itself)
        String a = actors.get(0);
        ids.add(recordId(with(event("two roles", "042", "2031-05-14"), "locationId", places.get(2),
                "participants", participants(a, "SOURCE", a, "HOST", actors.get(1), "TARGET"))));
        compareEverything("after inserts");
        assertTrue(topTotal(CountGroup.ACTOR, a) > 0, "the scoped comparison has data to compare");

        // replacements that move events in time, change their code, place and participants
        for (int i = 0; i < 12; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            long version = given().get("/events/" + id).then().statusCode(200).extract().<Number>path("version").longValue();
            given().contentType(ContentType.JSON).body(with(randomEvent("replaced " + i), "version", version))
                    .put("/events/" + id).then().statusCode(200);
        }
        // a patch of the code alone, one of the participants alone, one of the title alone (counts unchanged)
        patch(ids.get(3), Map.of("code", "192"));
        patch(ids.get(4), Map.of("participants", participants(actors.get(5), "SOURCE", actors.get(2), "TARGET",
                actors.get(5), "MEDIATOR")));
        patch(ids.get(5), Map.of("title", "renamed"));
        // deletions, one by one
        for (int i = 0; i < 8; i++) {
            given().delete("/events/" + ids.remove(random.nextInt(ids.size()))).then().statusCode(204);
        }
        // a batch whose second item is skipped (its external id is taken): nothing of it may be counted
        String external = "counts-test:" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(
                with(randomEvent("kept"), "externalIds", List.of(external)),
                with(randomEvent("skipped"), "externalIds", List.of(external)))))
                .post("/events/batch").then().statusCode(200);
        compareEverything("after updates and deletions");
        assertEquals(0L, driftedRows(), "event_count rows that differ from the events' own rollup");

        // places change country: a city to another code, a country's code removed, a region given one
        changeCountry(places.get(2), "QQB");
        changeCountry(places.get(1), null);
        changeCountry(places.get(4), "QQA");
        compareEverything("after places changed country");
        assertEquals(0L, driftedRows(), "rows that differ after places changed country");

        // what V10 runs on an existing database: the rebuild equals the incrementally kept rows
        pool.query("select refresh_event_counts(null)").execute().await().indefinitely();
        assertEquals(0L, driftedRows(), "rows that differ after the rebuild");
        compareEverything("after a rebuild");
    }

    /**
     * Writers of the same groups at once (every event adds to the same month's rows of one root code,
     * country and actors): no deadlock, no lost update. Each transaction locks the rollup rows it changes
     * in key order, so they queue instead of deadlocking.
     */
    @Test
    void concurrentWritersOfTheSameGroupsLoseNothing() {
        List<String> shared = List.of(actor(), actor(), actor());
        String city = place("CITY", "QQC", null);
        List<String> recorded = IntStream.range(0, 24).parallel().mapToObj(i -> recordId(with(
                event("concurrent " + i, i % 2 == 0 ? "042" : "043", "2031-0" + (1 + i % 3) + "-1" + (i % 9)),
                "locationId", city, "participants", participants(shared.get(i % 3), "SOURCE", shared.get((i + 1) % 3),
                        "TARGET")))).toList();
        IntStream.range(0, 8).parallel().forEach(i -> {
            if (i % 2 == 0) {
                given().delete("/events/" + recorded.get(i)).then().statusCode(204);
            } else {
                given().contentType(ContentType.JSON).body(with(event("moved " + i, "190", "2031-02-02"), "version", 0,
                        "participants", participants(shared.get(0), "SOURCE"))).put("/events/" + recorded.get(i))
                        .then().statusCode(200);
            }
        });
        assertEquals(0L, driftedRows(), "event_count rows that differ from the events' own rollup");
        EventCounts byActor = counts.rollupCounts(filter(List.of(), List.of(), List.of()), CountGroup.ACTOR, "year",
                LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-01"), 1, 100).await().indefinitely();
        // shared[0] is in event i when i % 3 != 1; deleted: the even i < 8; moved (odd i < 8): only shared[0] left
        long expected = IntStream.range(0, 24).filter(i -> i < 8 ? i % 2 == 1 : i % 3 != 1).count();
        assertEquals(expected, byActor.groups().stream().filter(g -> g.key().equals(shared.get(0)))
                .mapToLong(EventCounts.Group::total).sum(), "shared[0]'s events in 2031");
        assertEquals(counts.exactCounts(filter(List.of(), List.of(), List.of()), CountGroup.ACTOR, "year",
                LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-01"), 1, 100).await().indefinitely(), byActor);
    }

    /**
     * COUNTRY is counted under the country its location had when the event was written (kind C, V12);
     * a place that changes country takes its events along (the place trigger recounts them), and one
     * that loses its country takes them out of every country.
     */
    @Test
    void eventsFollowTheirPlaceIntoAnotherCountry() {
        String actor = actor();
        String city = place("CITY", "QQE", null);
        for (int i = 0; i < 3; i++) {
            recordId(with(event("moved with its city " + i, "042", "2032-0" + (1 + i) + "-15"), "locationId", city,
                    "participants", participants(actor, "SOURCE", actors().get(i), "TARGET")));
        }
        assertEquals(Map.of("QQE", 3L), countries(actor));

        changeCountry(city, "QQF");
        assertEquals(Map.of("QQF", 3L), countries(actor));

        changeCountry(city, null);
        assertEquals(Map.of(), countries(actor));
        assertEquals(0L, driftedRows(), "event_count rows that differ from the events' own rollup");
    }

    /** One actor's events of 2032 per country, from the rollup, checked against the exact statement. */
    private Map<String, Long> countries(String actor) {
        EventFilter f = filter(List.of(actor), List.of(), List.of());
        LocalDate year = LocalDate.parse("2032-01-01");
        EventCounts rollup = counts.rollupCounts(f, CountGroup.COUNTRY, "year", year, year, 1, 20).await().indefinitely();
        assertEquals(counts.exactCounts(f, CountGroup.COUNTRY, "year", year, year, 1, 20).await().indefinitely(), rollup);
        EventFilter all = filter(List.of(), List.of(), List.of());
        assertEquals(counts.exactCounts(all, CountGroup.COUNTRY, "month", year, year.plusMonths(11), 12, 20)
                .await().indefinitely(),
                counts.rollupCounts(all, CountGroup.COUNTRY, "month", year, year.plusMonths(11), 12, 20).await().indefinitely());
        Map<String, Long> totals = new HashMap<>();
        rollup.groups().forEach(g -> totals.put(g.key(), g.total()));
        return totals;
    }

    private List<String> actors() {
        while (actors.size() < 3) {
            actors.add(actor());
        }
        return actors;
    }

    /** Every grouping × interval × filter the rollup answers: rollup == exact statement. */
    private void compareEverything(String when) {
        String a = actors.get(0);
        List<EventFilter> filters = List.of(filter(List.of(), List.of(), List.of()),
                filter(List.of(a), List.of(), List.of()),
                filter(List.of(), List.of(3, 4), List.of()),
                filter(List.of(actors.get(1)), List.of(1), List.of()),
                filter(List.of(), List.of(), List.of("04", "11")),
                filter(List.of(a), List.of(2, 3), List.of("01", "19")));
        // one year shown per month (the top groups from the year bucket: event_count_rank unless an actor
        // or QuadClass filter is given), two years per month, a window across a year end, weeks, years;
        // one month, one week and one year shown
        Object[][] windows = { { "month", "2031-01-01", "2031-12-01", 12 }, { "month", "2030-01-01", "2031-12-01", 3 },
                { "month", "2030-11-01", "2031-04-01", 3 }, { "week", "2031-03-03", "2031-06-30", 8 },
                { "year", "2030-01-01", "2031-01-01", 2 }, { "month", "2031-05-01", "2031-05-01", 4 },
                { "week", "2030-06-10", "2030-06-10", 6 }, { "year", "2031-01-01", "2031-01-01", 1 } };
        int compared = 0;
        for (CountGroup group : CountGroup.values()) {
            for (EventFilter f : filters) {
                if (!CountsRepository.rollupAnswers(f, group)) {
                    continue;
                }
                for (Object[] w : windows) {
                    for (int limit : new int[] { 3, 20 }) {
                        String interval = (String) w[0];
                        LocalDate first = LocalDate.parse((String) w[1]);
                        LocalDate last = LocalDate.parse((String) w[2]);
                        int baseline = (Integer) w[3];
                        EventCounts exact = counts.exactCounts(f, group, interval, first, last, baseline, limit)
                                .await().indefinitely();
                        EventCounts rollup = counts.rollupCounts(f, group, interval, first, last, baseline, limit)
                                .await().indefinitely();
                        assertEquals(exact, rollup, when + ": " + group + " " + interval + " " + w[1] + " limit " + limit
                                + " actors " + f.actors() + " quads " + f.quads() + " roots " + f.roots());
                        compared++;
                    }
                }
            }
        }
        // six groupings × four filters, and roots twice: 26 × 8 windows × 2 limits
        assertTrue(compared >= 26 * 8 * 2, "compared " + compared);
        assertFalse(CountsRepository.rollupAnswers(filter(List.of(a, actors.get(1)), List.of(), List.of()), CountGroup.ACTOR));
        assertTrue(CountsRepository.rollupAnswers(filter(List.of(a), List.of(), List.of()), CountGroup.DYAD),
                "the pairs of one actor's events are in the rollup (V12)");
        assertFalse(CountsRepository.rollupAnswers(filter(List.of(), List.of(), List.of("04")), CountGroup.QUAD));
    }

    private long topTotal(CountGroup group, String actorId) {
        EventCounts c = counts.rollupCounts(filter(List.of(actorId), List.of(), List.of()), group, "year",
                LocalDate.parse("2030-01-01"), LocalDate.parse("2031-01-01"), 1, 20).await().indefinitely();
        return c.groups().stream().mapToLong(EventCounts.Group::total).sum();
    }

    /** event_count rows (zeros left out) that differ from the rollup recomputed from the events as they are. */
    private long driftedRows() {
        String statement = """
                with basis as (
                    select e.id as event_id, e.start_date, e.root_code, e.quad_class, e.goldstein, e.location_id,
                           coalesce((select array_agg(distinct p.actor_id order by p.actor_id) from event_participant p
                                      where p.event_id = e.id), '{}') as actors,
                           (select pl.country_code from place pl where pl.id = e.location_id) as country_code
                      from event e
                ),
                expected as (
                    select r.level, r.kind, r.scope, r.key, r.bucket, sum(r.q1) as q1, sum(r.q2) as q2, sum(r.q3) as q3,
                           sum(r.q4) as q4, sum(r.g1) as g1, sum(r.g2) as g2, sum(r.g3) as g3, sum(r.g4) as g4
                      from basis b cross join lateral event_count_rows(b::event_count_basis, 1) r
                     group by 1, 2, 3, 4, 5
                ),
                actual as (
                    select level, kind, scope, key, bucket, q1::bigint, q2::bigint, q3::bigint, q4::bigint, g1, g2, g3, g4
                      from event_count
                     where q1 <> 0 or q2 <> 0 or q3 <> 0 or q4 <> 0 or g1 <> 0 or g2 <> 0 or g3 <> 0 or g4 <> 0
                ),
                ranked as (
                    select * from expected
                     where level = 'Y' and kind in ('A', 'D', 'L', 'C') and scope = '00000000-0000-0000-0000-000000000000'
                       and q1 + q2 + q3 + q4 <> 0
                )
                select (select count(*) from (select * from expected except select * from actual) x)
                     + (select count(*) from (select * from actual except select * from expected) y)
                     + (select count(*) from event_count_basis b where not exists (select 1 from event e where e.id = b.event_id))
                     -- event_count_rank (V12): the unscoped year totals of actors, dyads, locations and countries
                     + (select count(*) from (select kind, bucket, key, n from event_count_rank where n <> 0
                                               except select kind, bucket, key, (q1 + q2 + q3 + q4)::integer from ranked) x)
                     + (select count(*) from (select kind, bucket, key, (q1 + q2 + q3 + q4)::integer from ranked
                                               except select kind, bucket, key, n from event_count_rank where n <> 0) y)
                """;
        return pool.preparedQuery(statement).execute(Tuple.tuple()).await().indefinitely().iterator().next().getLong(0);
    }

    private Map<String, Object> randomEvent(String title) {
        LocalDate start = LocalDate.parse("2030-01-01").plusDays(random.nextInt(730));
        Object[] pairs = new Object[2 * (1 + random.nextInt(4))];
        for (int i = 0; i < pairs.length; i += 2) {
            pairs[i] = actors.get(random.nextInt(actors.size()));
            pairs[i + 1] = ROLES[random.nextInt(ROLES.length)];
        }
        Map<String, Object> body = with(event(title, CODES.get(random.nextInt(CODES.size())), start.toString()),
                "participants", participants(pairs));
        int p = random.nextInt(places.size() + 2);
        return p < places.size() ? with(body, "locationId", places.get(p)) : body;
    }

    private static EventFilter filter(List<String> actors, List<Integer> quads, List<String> roots) {
        return new EventFilter(actors.stream().map(UUID::fromString).toList(), List.of(), List.of(), roots, quads,
                List.of(), null, null, List.of(), null);
    }

    private static void patch(String id, Map<String, Object> changes) {
        long version = given().get("/events/" + id).then().statusCode(200).extract().<Number>path("version").longValue();
        given().contentType("application/merge-patch+json").body(with(new HashMap<>(changes), "version", version))
                .patch("/events/" + id).then().statusCode(200);
    }

    private static void changeCountry(String placeId, String countryCode) {
        Map<String, Object> place = given().get("/places/" + placeId).then().statusCode(200).extract().path("");
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("name", "kind", "parentId", "version")) {
            body.put(field, place.get(field));
        }
        body.put("countryCode", countryCode);
        given().contentType(ContentType.JSON).body(body).put("/places/" + placeId).then().statusCode(200);
    }

    private static String place(String kind, String countryCode, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", org.parley.events.Fixtures.unique("counts " + kind));
        body.put("kind", kind);
        body.put("countryCode", countryCode);
        body.put("parentId", parentId);
        return given().contentType(ContentType.JSON).body(body).post("/places").then().statusCode(201).extract().path("id");
    }
}
