package org.parley.events.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.ids;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.with;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.events.event.repository.SearchIndex;

import io.restassured.path.json.JsonPath;

/**
 * What relevance order promises, whichever ranking serves it: RUM's {@code <=>} (RankedSearchTest, where
 * the database has the extension) or ts_rank (RankedSearchWithoutRumTest, the path of a PostgreSQL
 * without it). The same matches; better matches first; equal ranks by id, newest id first; cursor pages
 * that add up to the one long page.
 */
abstract class RankedSearchContract {

    @Inject
    SearchIndex searchIndex;

    /** Whether this profile's service should rank with the RUM index. */
    abstract boolean expectRum();

    /** Letters only, so the English parser keeps it as one word. */
    static String word() {
        return "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "x";
    }

    @Test
    void ranksWithTheExpectedIndex() {
        assertEquals(expectRum(), searchIndex.rum());
    }

    @Test
    void findsEveryMatchAndOnlyMatchesBestFirst() {
        String w = word();
        String other = word();
        String often = recordId(event("Talks on " + w + ", " + w + " and " + w, "042", "2025-03-01"));
        String inTitle = recordId(event("Talks on " + w, "042", "2025-03-02"));
        String inSummary = recordId(with(event("Talks", "042", "2025-03-03"), "summary", "about " + w));
        String inSource = recordId(with(event("Talks", "042", "2025-03-04"),
                "sources", List.of(Map.of("url", "https://example.org/s", "excerpt", "he said " + w))));
        String withOther = recordId(event("Talks on " + w + " " + other, "042", "2025-03-05"));
        recordId(event("Talks on " + other, "042", "2025-03-06"));

        List<String> ranked = ids("text", w);
        assertEquals(List.of(often, inTitle, withOther, inSummary, inSource).stream().sorted().toList(),
                ranked.stream().sorted().toList(), "every match, nothing else");
        assertEquals(often, ranked.get(0), "three occurrences in the title first");
        assertEquals(List.of(inSummary, inSource), ranked.subList(3, 5), "title before summary before sources");
        assertEquals(List.of(withOther), ids("text", w + " " + other));
        assertEquals(List.of(often, inTitle, inSummary, inSource).stream().sorted().toList(),
                ids("text", w + " -" + other).stream().sorted().toList());
        assertEquals(List.of(), ids("text", "\"" + other + " " + w + "\""));
        assertEquals(List.of(withOther), ids("text", "\"" + w + " " + other + "\""));
    }

    @Test
    void equalRanksGoByIdAndCursorPagesAddUpToTheLongPage() {
        String w = word();
        String best = recordId(event("Summit " + w + " " + w, "042", "2025-04-01"));
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tied.add(recordId(event("Summit " + w, "042", "2025-04-0" + (2 + i))));
        }
        String last = recordId(with(event("Summit", "042", "2025-04-09"), "summary", w));
        List<String> expected = new ArrayList<>(List.of(best));
        tied.stream().sorted(Comparator.reverseOrder()).forEach(expected::add);
        expected.add(last);
        assertEquals(expected, ids("text", w));

        for (int size : new int[] { 1, 2, 3 }) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().queryParam("text", w).queryParam("limit", size);
                if (cursor != null) {
                    request = request.queryParam("after", cursor);
                }
                JsonPath page = request.get("/events").then().statusCode(200).extract().jsonPath();
                paged.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
            } while (cursor != null && paged.size() <= expected.size());
            assertEquals(expected, paged, "pages of " + size);
        }
    }

    @Test
    void anActorsRankedEventsComeInTheOrderOfTheListAndFilters() {
        String w = word();
        String a = actor();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(recordId(with(event("Visit " + (i == 2 ? w + " " + w : w), "042", "2025-06-0" + (1 + i)),
                    "participants", participants(a, "SOURCE"))));
        }
        recordId(event("Visit " + w, "042", "2025-06-09"));
        List<String> listed = ids("text", w, "actor", a);
        assertEquals(created.get(2), listed.get(0));
        assertEquals(4, listed.size());
        List<String> batched = given().queryParam("actors", a).queryParam("text", w).queryParam("limit", 4)
                .get("/events/by-participants").then().statusCode(200).extract().path("[0].items.id");
        assertEquals(listed, batched, "the gateway's first page (by-participants) and later pages (listEvents) agree");
    }
}
