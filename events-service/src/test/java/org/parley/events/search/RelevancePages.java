package org.parley.events.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.with;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.parley.events.event.Event;
import org.parley.events.event.EventFilter;
import org.parley.events.event.EventStatus;
import org.parley.events.event.repository.EventRepository;
import org.parley.events.event.repository.EventRepository.Position;
import org.parley.events.event.repository.EventRepository.Slice;
import org.parley.events.event.repository.EventRepository.Sort;

/** What the tests that compare the relevance paths (index ranges against every match ranked) read with. */
final class RelevancePages {

    private RelevancePages() {
    }

    /**
     * {@code text} alone and combined with the filters that are tested on the event row: the actor
     * {@code actor}, dates + code, root + status.
     */
    static List<EventFilter> filters(String text, String actor) {
        EventFilter none = EventFilter.none();
        return List.of(
                new EventFilter(none.actors(), none.dyad(), none.codes(), none.roots(), none.quads(), none.statuses(), null, null, none.places(), text),
                new EventFilter(List.of(UUID.fromString(actor)), none.dyad(), none.codes(), none.roots(), none.quads(), none.statuses(), null, null, none.places(), text),
                new EventFilter(none.actors(), none.dyad(), List.of("043"), none.roots(), none.quads(), none.statuses(),
                        LocalDate.parse("2025-02-01"), LocalDate.parse("2025-07-31"), none.places(), text),
                new EventFilter(none.actors(), none.dyad(), none.codes(), List.of("04"), none.quads(), List.of(EventStatus.ANNOUNCED), null, null, none.places(), text));
    }

    /** Every page of {@code size} from the start, in order, following the cursors the pages hand out. */
    static List<String> pages(EventRepository events, EventFilter filter, int size, boolean withTerms) {
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

    /**
     * Records {@code count} events "{@code prefix} title" with the titles and summaries in turn (a summary
     * for {@code run} events in a row, null: none), every fourth with a source excerpt, every fifth
     * ANNOUNCED, a third of them code 042 (the rest 043), dates over 2025, participants from
     * {@code participant} (by index).
     */
    static void record(int count, String prefix, String[] titles, String[] summaries, int run, String excerpt,
            IntFunction<String> participant) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = event(prefix + " " + titles[i % titles.length], i % 3 == 0 ? "042" : "043",
                    "2025-0" + (1 + i % 9) + "-1" + (i % 10));
            if (summaries[(i / run) % summaries.length] != null) {
                body = with(body, "summary", summaries[(i / run) % summaries.length]);
            }
            if (i % 4 == 1) {
                body = with(body, "sources", List.of(Map.of("url", "https://example.org/" + i, "excerpt", excerpt)));
            }
            if (i % 5 == 2) {
                body = with(body, "status", "ANNOUNCED");
            }
            recordId(with(body, "participants", participants(participant.apply(i), "SOURCE")));
        }
    }

    /**
     * Asserts that every query, alone and with each of {@link #filters}, pages the same with the index ranges
     * (pages of 100, 1 and 3) and with every match ranked (pages of 100 and 4); returns how many of those
     * combinations matched something.
     */
    static int assertSamePages(EventRepository events, List<String> queries, String actor) {
        int compared = 0;
        for (String text : queries) {
            for (EventFilter filter : filters(text, actor)) {
                List<String> scanned = pages(events, filter, 100, false);
                for (int size : new int[] { 100, 1, 3 }) {
                    assertEquals(scanned, pages(events, filter, size, true), "'" + text + "' " + filter + ", pages of " + size);
                }
                assertEquals(scanned, pages(events, filter, 4, false), "'" + text + "' " + filter + ", scanned pages of 4");
                compared += scanned.isEmpty() ? 0 : 1;
            }
        }
        return compared;
    }
}
