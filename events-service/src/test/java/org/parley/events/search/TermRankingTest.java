package org.parley.events.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.ids;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.record;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.with;
import static org.parley.events.search.RankedSearchContract.word;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.events.event.Event;
import org.parley.events.event.EventFilter;
import org.parley.events.event.EventStatus;
import org.parley.events.event.repository.EventRepository;
import org.parley.events.event.repository.EventRepository.Position;
import org.parley.events.event.repository.EventRepository.Slice;
import org.parley.events.event.repository.EventRepository.Sort;

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
        for (int i = 0; i < 24; i++) {
            Map<String, Object> body = event("Talks " + titles[i % titles.length], i % 3 == 0 ? "042" : "043",
                    "2025-0" + (1 + i % 9) + "-1" + (i % 10));
            if (summaries[(i / 3) % summaries.length] != null) {
                body = with(body, "summary", summaries[(i / 3) % summaries.length]);
            }
            if (i % 4 == 1) {
                body = with(body, "sources", List.of(Map.of("url", "https://example.org/" + i, "excerpt", "said " + w1 + " " + w3)));
            }
            if (i % 5 == 2) {
                body = with(body, "status", "ANNOUNCED");
            }
            recordId(with(body, "participants", participants(i % 2 == 0 ? a : b, "SOURCE")));
        }
    }

    private List<String> queries() {
        return List.of(w1, w2, w3, w1 + " " + w2, w2 + " " + w1, "\"" + w1 + " " + w2 + "\"", "\"" + w2 + " " + w1 + "\"",
                w1 + " -" + w2, w2 + " -" + w3, w1 + " " + w3 + " -" + w2, w1 + " or " + w3, w1 + " -" + w1,
                "\"" + w1 + " " + w1 + "\"", "\"" + w1 + " " + w2 + "\" -" + w3);
    }

    private List<EventFilter> filters(String text) {
        EventFilter none = EventFilter.none();
        return List.of(
                new EventFilter(none.actors(), none.dyad(), none.codes(), none.roots(), none.quads(), none.statuses(), null, null, none.places(), text),
                new EventFilter(List.of(UUID.fromString(a)), none.dyad(), none.codes(), none.roots(), none.quads(), none.statuses(), null, null, none.places(), text),
                new EventFilter(none.actors(), none.dyad(), List.of("043"), none.roots(), none.quads(), none.statuses(),
                        LocalDate.parse("2025-02-01"), LocalDate.parse("2025-07-31"), none.places(), text),
                new EventFilter(none.actors(), none.dyad(), none.codes(), List.of("04"), none.quads(), List.of(EventStatus.ANNOUNCED), null, null, none.places(), text));
    }

    /** Every page of {@code size} from the start, in order, and the cursors the pages handed out. */
    private List<String> pages(EventFilter filter, int size, boolean withTerms) {
        List<String> out = new ArrayList<>();
        Position after = null;
        for (int guard = 0; guard < 100; guard++) {
            Slice page = events.searchEvents(filter, Sort.RELEVANCE, after, size, withTerms).await().indefinitely();
            page.items().stream().map(Event::id).map(UUID::toString).forEach(out::add);
            after = page.next();
            if (after == null) {
                return out;
            }
        }
        throw new AssertionError("no last page");
    }

    @Test
    void bothPathsGiveTheSamePagesInTheSameOrder() {
        int compared = 0;
        for (String text : queries()) {
            for (EventFilter filter : filters(text)) {
                List<String> scanned = pages(filter, 100, false);
                for (int size : new int[] { 100, 1, 3 }) {
                    assertEquals(scanned, pages(filter, size, true), "'" + text + "' " + filter + ", pages of " + size);
                }
                assertEquals(scanned, pages(filter, 4, false), "'" + text + "' " + filter + ", scanned pages of 4");
                compared += scanned.isEmpty() ? 0 : 1;
            }
        }
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
