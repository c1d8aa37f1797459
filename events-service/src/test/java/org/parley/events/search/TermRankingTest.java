package org.parley.events.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.ids;
import static org.parley.events.Fixtures.record;
import static org.parley.events.Fixtures.with;
import static org.parley.events.search.RankedSearchContract.word;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.events.event.repository.EventRepository;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.TestProfile;

/**
 * Relevance pages read from event_term (the lead word's index range, V11) and the same ranking computed by
 * ranking every match (rank-with-terms=false, the path before it) give the same events in the same order,
 * page by page, for words, phrases, exclusions, an or, and text combined with actor, dates, codes and
 * statuses; and event_term follows the event's writes (replace, delete).
 */
@QuarkusTest
@TestProfile(WithoutRum.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermRankingTest {

    @Inject
    EventRepository events;

    String w1 = word();
    String w2 = word();
    String w3 = word();
    String a = actor();
    String b = actor();

    boolean created;

    /** Once per class (in a test: RestAssured knows the port only then). */
    @BeforeEach
    void events() {
        if (created) {
            return;
        }
        created = true;
        // words in the title (A), summary (B) and sources (C), once or more, together or apart, adjacent or not
        String[] titles = { w1, w1 + " " + w1, w1 + " " + w2, w2 + " " + w1, w2, w1 + " and " + w2, "Talks", w3 + " " + w1 };
        String[] summaries = { null, w2, w1, "on " + w1 + " " + w2, w3, null, w1 + " " + w1 + " " + w3, w2 + " " + w2 };
        RelevancePages.record(24, "Talks", titles, summaries, 3, "said " + w1 + " " + w3, i -> i % 2 == 0 ? a : b);
    }

    private List<String> queries() {
        return List.of(w1, w2, w3, w1 + " " + w2, w2 + " " + w1, "\"" + w1 + " " + w2 + "\"", "\"" + w2 + " " + w1 + "\"",
                w1 + " -" + w2, w2 + " -" + w3, w1 + " " + w3 + " -" + w2, w1 + " or " + w3, w1 + " -" + w1,
                "\"" + w1 + " " + w1 + "\"", "\"" + w1 + " " + w2 + "\" -" + w3);
    }

    @Test
    void bothPathsGiveTheSamePagesInTheSameOrder() {
        int compared = RelevancePages.assertSamePages(events, queries(), a);
        assertTrue(compared > 30, "most combinations match something: " + compared);
    }

    @Test
    void theMatchesAreTheTextFiltersMatches() {
        for (String text : queries()) {
            List<String> byDate = ids("text", text, "sort", "start_desc");
            List<String> ranked = ids("text", text);
            assertEquals(byDate.stream().sorted().toList(), ranked.stream().sorted().toList(), text);
        }
        assertEquals(List.of(), ids("text", w1 + " -" + w1));
        assertFalse(ids("text", "\"" + w1 + " " + w2 + "\"").isEmpty());
    }

    @Test
    void termRowsFollowReplacementsAndDeletes() {
        String w = word();
        String v = word();
        var created = record(event("Visit " + w, "042", "2025-05-01")).statusCode(201).extract();
        String id = created.path("id");
        assertEquals(List.of(id), ids("text", w));
        given().contentType(ContentType.JSON)
                .body(with(event("Visit", "042", "2025-05-01"), "summary", v, "version", created.path("version")))
                .put("/events/" + id).then().statusCode(200);
        assertEquals(List.of(), ids("text", w), "the old word is gone with the replacement");
        assertEquals(List.of(id), ids("text", v));
        given().delete("/events/" + id).then().statusCode(204);
        assertEquals(List.of(), ids("text", v));
    }
}
