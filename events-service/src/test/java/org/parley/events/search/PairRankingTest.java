package org.parley.events.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.ids;
import static org.parley.events.Fixtures.record;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.with;
import static org.parley.events.search.RankedSearchContract.word;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.events.event.repository.EventRepository;
import org.parley.events.event.repository.TextRanking;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Phrases read from event_pair (V13: the phrase's adjacent pair, in its lead word's order) give the same
 * events in the same order, page by page, as ranking every match (rank-with-terms=false): phrases of two and
 * three words, words that stand apart or in the other order, stop words inside a phrase or only stop words,
 * a phrase with a word or an exclusion, with actor, dates, code and status filters. And event_pair holds
 * exactly the adjacent pairs of every event's vector through inserts, batches, replacements and deletes.
 */
@QuarkusTest
@TestProfile(WithoutRum.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PairRankingTest {

    @Inject
    EventRepository events;

    @Inject
    TextRanking ranking;

    @Inject
    Pool pool;

    String w1 = word();
    String w2 = word();
    String w3 = word();
    String a = actor();

    /** Events where w1 and w2 stand together, apart, reversed, across title and summary, in sources. */
    String together;
    String apart;
    String reversed;
    String acrossFields;
    String byStopWord;
    String threeWords;

    boolean created;

    @BeforeEach
    void events() {
        if (created) {
            return;
        }
        created = true;
        together = recordId(event("Talks on " + w1 + " " + w2, "042", "2025-01-01"));
        apart = recordId(event("Talks on " + w1 + " and then " + w2, "042", "2025-01-02"));
        reversed = recordId(event("Talks on " + w2 + " " + w1, "042", "2025-01-03"));
        acrossFields = recordId(with(event("Talks on " + w1, "042", "2025-01-04"), "summary", w2 + " again"));
        byStopWord = recordId(event("Talks " + w1 + " of the " + w2, "042", "2025-01-05"));
        threeWords = recordId(with(event("Talks " + w1 + " " + w2 + " " + w3, "042", "2025-01-06"), "summary", w1));
        // more events, so that ranks tie and differ, in title (A), summary (B) and sources (C)
        String[] titles = { w1 + " " + w2, w1 + " " + w1 + " " + w2, w2 + " " + w1 + " " + w2, w3 + " " + w1 + " " + w2, w1,
            w2 + " " + w3 };
        String[] summaries = { null, w1 + " " + w2, w2, w1 + " " + w2 + " " + w3, w3 + " " + w3 };
        RelevancePages.record(30, "Summit", titles, summaries, 2, "said " + w1 + " " + w2, i -> i % 2 == 0 ? a : actor());
    }

    private String phrase(String... words) {
        return "\"" + String.join(" ", words) + "\"";
    }

    private List<String> queries() {
        return List.of(phrase(w1, w2), phrase(w2, w1), phrase(w1, w2, w3), phrase(w3, w2, w1), phrase(w1, w1),
                phrase(w1, "of the", w2), phrase(w1, w2) + " -" + w3, phrase(w1, w2) + " " + w3, w3 + " " + phrase(w2, w1),
                phrase("of the"), phrase(w2, "and", w1, w2));
    }

    private TextRanking.Plan plan(String text) {
        return ranking.plan(text).await().indefinitely();
    }

    @Test
    void aPhraseLedByOneOfItsWordsIsReadAlongItsPair() {
        TextRanking.Plan two = plan(phrase(w1, w2));
        assertNotNull(two.pair(), "a two-word phrase: its pair");
        assertTrue(two.pair().has(two.lead()));
        assertNotNull(plan(phrase(w1, w2, w3)).pair(), "three words: one of their two pairs");
        assertNotNull(plan(phrase(w1, w2) + " -" + w3).pair());
        assertNull(plan(phrase(w1, "of the", w2)).pair(), "words a stop word apart are no pair: the lead's own range");
        assertNull(plan(w1 + " " + w2).pair(), "two words, no phrase");
    }

    @Test
    void pairAndEveryMatchRankedGiveTheSamePagesInTheSameOrder() {
        int compared = RelevancePages.assertSamePages(events, queries(), a);
        assertTrue(compared > 25, "most combinations match something: " + compared);
    }

    @Test
    void aPhraseMatchesItsWordsTogetherInOrderOnly() {
        List<String> found = ids("text", phrase(w1, w2));
        assertTrue(found.containsAll(List.of(together, acrossFields, threeWords)),
                "together, across title and summary (adjacent in the vector), inside a longer run");
        assertTrue(found.stream().noneMatch(List.of(apart, reversed, byStopWord)::contains), "apart, reversed, a stop word between");
        assertEquals(found.stream().sorted().toList(), ids("text", phrase(w1, w2), "sort", "start_desc").stream().sorted().toList());
        assertTrue(ids("text", phrase(w1, "of the", w2)).contains(byStopWord), "the stop words' place counts, as in PostgreSQL");
        assertEquals(List.of(threeWords), ids("text", phrase(w1, w2, w3)).stream().filter(List.of(together, threeWords)::contains).toList());
        assertEquals(List.of(), ids("text", phrase("of the")), "only stop words: no word to match");
    }

    /** Rows of event_pair that differ from the adjacent pairs of the events' current vectors (0: in step). */
    private long pairsOutOfStep() {
        String derived = "select p.first, p.second, p.first_score, p.second_score, e.id from event e cross join lateral event_pairs(e.search) p";
        String stored = "select first, second, first_score, second_score, event_id from event_pair";
        return pool.preparedQuery("select count(*) from ((" + stored + " except all " + derived + ") union all (" + derived
                + " except all " + stored + ")) d").execute(Tuple.tuple()).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void pairRowsFollowInsertsBatchesReplacementsAndDeletes() {
        String x = word();
        String y = word();
        String z = word();
        var created = record(event("Visit " + x + " " + y, "042", "2025-05-01")).statusCode(201).extract();
        String id = created.path("id");
        assertEquals(List.of(id), ids("text", phrase(x, y)));
        String batched = given().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(event("Visit " + y + " " + z, "042", "2025-05-02"), event("Visit " + x + " " + z, "042", "2025-05-03"))))
                .post("/events/batch").then().statusCode(200).extract().path("ids[0]");
        assertEquals(List.of(batched), ids("text", phrase(y, z)));
        assertEquals(0, pairsOutOfStep());

        var replaced = given().contentType(ContentType.JSON)
                .body(with(event("Visit " + y + " " + x, "042", "2025-05-01"), "version", created.path("version")))
                .put("/events/" + id).then().statusCode(200).extract();
        assertEquals(List.of(), ids("text", phrase(x, y)), "the old pair is gone with the replacement");
        assertEquals(List.of(id), ids("text", phrase(y, x)));
        given().contentType(ContentType.JSON)
                .body(with(event("Visit " + y + " " + x, "042", "2025-05-01"), "status", "CANCELLED", "version", replaced.path("version")))
                .put("/events/" + id).then().statusCode(200);
        assertEquals(List.of(id), ids("text", phrase(y, x)), "a write that keeps the text keeps the pair");
        assertEquals(0, pairsOutOfStep());

        given().delete("/events/" + id).then().statusCode(204);
        given().delete("/events/" + batched).then().statusCode(204);
        assertEquals(List.of(), ids("text", phrase(y, x)));
        assertEquals(List.of(), ids("text", phrase(y, z)));
        assertEquals(0, pairsOutOfStep());
    }
}
