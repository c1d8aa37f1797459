package org.parley.events.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.ids;
import static org.parley.events.Fixtures.list;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.place;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class EventListTest {

    /** Letters only, so the English parser keeps it as one word. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "x";
    }

    @Test
    void filtersByActorAnyOfSeveral() {
        String a = actor();
        String b = actor();
        String e1 = recordId(with(event("a", "042", "2025-01-01"), "participants", participants(a, "SOURCE")));
        String e2 = recordId(with(event("b", "042", "2025-01-02"), "participants", participants(b, "TARGET")));
        recordId(with(event("c", "042", "2025-01-03"), "participants", participants(actor(), "TARGET")));
        assertEquals(List.of(e1), ids("actor", a));
        assertEquals(List.of(e2, e1), ids("actor", a + "," + b));
        assertEquals(List.of(e2, e1), ids("actor", a, "actor", b));
    }

    @Test
    void filtersByDyadWhenBothParticipate() {
        String a = actor();
        String b = actor();
        String both = recordId(with(event("both", "106", "2025-02-01"), "participants", participants(a, "SOURCE", b, "TARGET")));
        recordId(with(event("only a", "106", "2025-02-02"), "participants", participants(a, "SOURCE", actor(), "TARGET")));
        assertEquals(List.of(both), ids("dyad", a + "," + b));
        assertEquals(List.of(both), ids("dyad", b + "," + a));
        given().queryParam("dyad", a).get("/events").then().statusCode(400).body("violations[0].field", equalTo("dyad"));
    }

    @Test
    void filtersByCodeRootQuadAndStatusAloneAndCombined() {
        String a = actor();
        String visit = recordId(with(event("visit", "042", "2025-03-01"), "participants", participants(a, "HOST")));
        String demand = recordId(with(event("demand", "106", "2025-03-02"), "participants", participants(a, "SOURCE"),
                "status", "ANNOUNCED"));
        String fight = recordId(with(event("fight", "190", "2025-03-03"), "participants", participants(a, "SOURCE")));

        // each filter alone: every returned event satisfies it, and ours is among them
        given().queryParam("code", "106").queryParam("limit", 500).get("/events").then().statusCode(200)
                .body("items.code", everyItem(equalTo("106"))).body("items.id", hasItem(demand));
        given().queryParam("root", "04").queryParam("limit", 500).get("/events").then()
                .body("items.rootCode", everyItem(equalTo("04"))).body("items.id", hasItem(visit));
        given().queryParam("quad", "4").queryParam("limit", 500).get("/events").then()
                .body("items.quadClass", everyItem(equalTo(4))).body("items.id", hasItem(fight));
        given().queryParam("status", "ANNOUNCED").queryParam("limit", 500).get("/events").then()
                .body("items.status", everyItem(equalTo("ANNOUNCED"))).body("items.id", hasItem(demand));

        // combined (AND) and repeated (OR)
        assertEquals(List.of(demand), ids("actor", a, "code", "106"));
        assertEquals(List.of(fight, visit), ids("actor", a, "code", "042,190"));
        assertEquals(List.of(demand, visit), ids("actor", a, "root", "4", "root", "10"));
        assertEquals(List.of(fight, demand), ids("actor", a, "quad", "3,4"));
        assertEquals(List.of(fight, visit), ids("actor", a, "status", "OCCURRED"));
        assertEquals(List.of(), ids("actor", a, "status", "ANNOUNCED", "quad", "1"));
    }

    @Test
    void matchesNextWeekEventForAQueryOnItsWednesday() {
        String a = actor();
        String nextWeek = recordId(with(event("talks next week", "036", "2025-12-01"), "precision", "WEEK",
                "status", "SCHEDULED", "participants", participants(a, "SOURCE")));
        assertEquals(List.of(nextWeek), ids("actor", a, "from", "2025-12-03", "to", "2025-12-03"));
        assertEquals(List.of(nextWeek), ids("actor", a, "from", "2025-12-07"));
        assertEquals(List.of(), ids("actor", a, "from", "2025-12-08", "to", "2025-12-10"));
        assertEquals(List.of(), ids("actor", a, "to", "2025-11-30"));
    }

    @Test
    void normalisesWeekAndMonthStartsAndHonoursAnInclusiveEnd() {
        String a = actor();
        String week = recordId(with(event("week", "036", "2025-12-04"), "precision", "WEEK", "participants", participants(a, "SOURCE")));
        given().get("/events/" + week).then().body("start", equalTo("2025-12-01")).body("end", nullValue());
        String october = recordId(with(event("in October", "036", "2025-10-15"), "precision", "MONTH",
                "participants", participants(a, "SOURCE")));
        given().get("/events/" + october).then().body("start", equalTo("2025-10-01"));
        String summit = recordId(with(event("summit", "043", "2025-06-10"), "end", "2025-06-12",
                "participants", participants(a, "HOST")));
        assertEquals(List.of(october), ids("actor", a, "from", "2025-10-31", "to", "2025-10-31"));
        assertEquals(List.of(), ids("actor", a, "from", "2025-11-01", "to", "2025-11-30"));
        assertEquals(List.of(summit), ids("actor", a, "from", "2025-06-12", "to", "2025-06-12"));
        assertEquals(List.of(), ids("actor", a, "from", "2025-06-13", "to", "2025-06-30"));
    }

    @Test
    void placeFilterFollowsTheHierarchyForLocationAndSubjects() {
        String ukraine = place("Ukraine", "COUNTRY", null);
        String donbas = place("Donbas", "REGION", ukraine);
        String donetsk = place("Donetsk", "REGION", donbas);
        String luhansk = place("Luhansk", "REGION", donbas);
        String russia = place("Russia", "COUNTRY", null);
        String moscow = place("Moscow", "CITY", russia);

        String inDonetsk = recordId(with(event("in Donetsk", "190", "2025-04-01"), "locationId", donetsk));
        String overLuhansk = recordId(with(event("over Luhansk", "106", "2025-04-02"), "locationId", moscow,
                "subjectIds", list(luhansk)));
        String inKyivOblast = recordId(with(event("in Ukraine", "042", "2025-04-03"), "locationId", ukraine));

        assertEquals(List.of(inKyivOblast, overLuhansk, inDonetsk), ids("place", ukraine));
        assertEquals(List.of(overLuhansk, inDonetsk), ids("place", donbas));
        assertEquals(List.of(inDonetsk), ids("place", donetsk));
        assertEquals(List.of(overLuhansk), ids("place", russia));
        assertEquals(List.of(overLuhansk, inDonetsk), ids("place", donetsk + "," + luhansk));
        assertEquals(List.of(overLuhansk), ids("place", ukraine, "code", "106"));
    }

    @Test
    void fullTextSearchRanksTitleOverSummaryOverQuotes() {
        String w = word();
        String inQuote = recordId(with(event("unrelated quote holder", "010", "2025-05-03"),
                "sources", List.of(Map.of("url", "https://example.org/q", "excerpt", "he said " + w))));
        String inTitle = recordId(event("Title about " + w, "010", "2025-05-01"));
        String inSummary = recordId(with(event("unrelated summary holder", "010", "2025-05-02"), "summary", "mentions " + w));
        recordId(event("nothing here", "010", "2025-05-04"));

        assertEquals(List.of(inTitle, inSummary, inQuote), ids("text", w));
        assertEquals(List.of(inQuote, inSummary, inTitle), ids("text", w, "sort", "start_desc"));
        // English stemming: "withdrawing" finds "withdrawal"
        String a = actor();
        String withdrawal = recordId(with(event("Putin demands withdrawal", "106", "2025-05-05"),
                "participants", participants(a, "SOURCE")));
        assertEquals(List.of(withdrawal), ids("text", "withdrawing", "actor", a));
        assertEquals(List.of(), ids("text", "withdrawal -putin", "actor", a));
    }

    @Test
    void pagesWithAStableKeysetCursorAndTotalCount() {
        String a = actor();
        List<String> created = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> created.add(recordId(with(event("page " + i, "042", "2025-07-0" + (1 + i / 2)),
                "participants", participants(a, "SOURCE")))));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("actor", a).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/events").then().statusCode(200).body("totalCount", equalTo(5)).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(5, seen.stream().distinct().count());
        List<String> bySort = given().queryParam("actor", a).queryParam("limit", 5).get("/events").then()
                .extract().path("items.id");
        assertEquals(bySort, seen);
        assertEquals(created.stream().sorted().collect(Collectors.toSet()), seen.stream().sorted().collect(Collectors.toSet()));

        // ascending pages too, and relevance pages with a text filter
        List<String> ascending = given().queryParam("actor", a).queryParam("sort", "start_asc").queryParam("limit", 5)
                .get("/events").then().extract().path("items.id");
        List<String> reversed = new ArrayList<>(seen);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, ascending);
    }

    @Test
    void pagesByRelevance() {
        String w = word();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(recordId(event("rel " + w + (i == 0 ? " " + w + " " + w : ""), "042", "2025-08-0" + (i + 1))));
        }
        JsonPath first = given().queryParam("text", w).queryParam("limit", 2).get("/events").then().statusCode(200)
                .body("totalCount", equalTo(3)).extract().jsonPath();
        assertEquals(created.get(0), first.getList("items.id").get(0));
        assertNotNull(first.getString("nextCursor"));
        List<String> rest = given().queryParam("text", w).queryParam("limit", 2).queryParam("after", first.getString("nextCursor"))
                .get("/events").then().statusCode(200).body("nextCursor", nullValue()).extract().path("items.id");
        List<String> all = new ArrayList<>(first.getList("items.id"));
        all.addAll(rest);
        assertEquals(3, all.stream().distinct().count());
        given().queryParam("text", w).queryParam("sort", "start_desc").queryParam("after", first.getString("nextCursor"))
                .get("/events").then().statusCode(400).body("violations[0].field", equalTo("after"));
    }

    @Test
    void listsByIdsInRequestOrder() {
        String e1 = recordId(event("one", "042", "2025-01-01"));
        String e2 = recordId(event("two", "042", "2025-01-02"));
        given().queryParam("ids", e2 + "," + UUID.randomUUID() + "," + e1).get("/events").then().statusCode(200)
                .body("items.id", contains(e2, e1)).body("totalCount", equalTo(2)).body("nextCursor", nullValue());
        String tooMany = IntStream.range(0, 501).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        given().queryParam("ids", tooMany).get("/events").then().statusCode(400);
    }

    @Test
    void rejectsMalformedFilterParameters() {
        given().queryParam("quad", "7").get("/events").then().statusCode(400).body("violations[0].field", equalTo("quad"));
        given().queryParam("status", "RUMOURED").get("/events").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("status"));
        given().queryParam("from", "yesterday").get("/events").then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().queryParam("actor", "putin").get("/events").then().statusCode(400).body("violations[0].field", equalTo("actor"));
        given().queryParam("sort", "relevance").get("/events").then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().queryParam("after", "garbage").get("/events").then().statusCode(400).body("violations[0].field", equalTo("after"));
        given().queryParam("limit", "0").get("/events").then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("code", "abc").get("/events").then().statusCode(400).body("violations[0].field", equalTo("code"));
        given().queryParam("place", "x").get("/events").then().statusCode(400).body("violations[0].field", equalTo("place"));
    }

    @Test
    void returnsEmptyPageWhenNothingMatches() {
        given().queryParam("actor", actor()).get("/events").then().statusCode(200)
                .body("items", empty()).body("totalCount", equalTo(0)).body("nextCursor", nullValue());
    }

    @Test
    void returnsEachActorsRecentEventsInOneSqlStatement() {
        String a = actor();
        String b = actor();
        String c = actor();
        String a1 = recordId(with(event("a1", "042", "2025-09-01"), "participants", participants(a, "SOURCE")));
        String a2 = recordId(with(event("a2", "042", "2025-09-02"), "participants", participants(a, "SOURCE")));
        String a3 = recordId(with(event("a3", "106", "2025-09-03"), "participants", participants(a, "SOURCE", b, "TARGET")));
        String b1 = recordId(with(event("b1", "042", "2025-09-01"), "participants", participants(b, "HOST", b, "ATTENDEE")));

        given().queryParam("actors", b + "," + a + "," + c).queryParam("limit", 2).get("/events/by-participants")
                .then().statusCode(200)
                .header("Parley-Sql-Statements", "1")
                .body("actorId", contains(b, a, c))
                .body("[0].items.id", contains(a3, b1)).body("[0].totalCount", equalTo(2))
                .body("[1].items.id", contains(a3, a2)).body("[1].totalCount", equalTo(3))
                .body("[2].items", empty()).body("[2].totalCount", equalTo(0));
        // the listEvents filters apply per actor, still one statement
        given().queryParam("actors", a).queryParam("code", "042").get("/events/by-participants")
                .then().statusCode(200).header("Parley-Sql-Statements", "1")
                .body("[0].items.id", contains(a2, a1));
        // sorted oldest first, or by relevance with a text filter
        given().queryParam("actors", a).queryParam("sort", "start_asc").queryParam("limit", 2).get("/events/by-participants")
                .then().statusCode(200).header("Parley-Sql-Statements", "1").body("[0].items.id", contains(a1, a2));
        given().queryParam("actors", a + "," + b).queryParam("text", "a3").get("/events/by-participants")
                .then().statusCode(200).body("[0].items.id", contains(a3)).body("[1].items.id", contains(a3))
                .body("[0].totalCount", equalTo(1));
        // a larger batch is still one statement
        String many = IntStream.range(0, 50).mapToObj(i -> actor()).collect(Collectors.joining(","));
        given().queryParam("actors", many + "," + a).get("/events/by-participants")
                .then().statusCode(200).header("Parley-Sql-Statements", "1").body("size()", equalTo(51));
        given().get("/events/by-participants").then().statusCode(400);
    }

    @Test
    void statementCountIsReallyCounted() {
        // a page costs two statements (items and count): the header reflects what was sent
        given().queryParam("actor", actor()).get("/events").then().statusCode(200)
                .header("Parley-Sql-Statements", "2");
    }

    @Test
    void eachFilterAloneStillAnswersWithTotals() {
        given().queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").get("/events").then().statusCode(200)
                .body("totalCount", greaterThanOrEqualTo(0));
        String country = place("Ukraine", "COUNTRY", null);
        String e = recordId(with(event(unique("located"), "042", "2025-01-01"), "locationId", country));
        given().queryParam("place", country).get("/events").then().body("items.id", containsInAnyOrder(e));
    }
}
