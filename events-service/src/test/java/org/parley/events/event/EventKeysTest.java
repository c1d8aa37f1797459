package org.parley.events.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The actor, dyad and place filters (and the statistics) read a derived index, event_key, kept by the
 * database itself: every kind of write must show up in them at once, and totalCount is only counted
 * when asked for.
 */
@QuarkusTest
class EventKeysTest {

    @Test
    void aReplacedEventMovesToItsNewDateAndParticipants() {
        String a = actor();
        String b = actor();
        String c = actor();
        String id = recordId(with(event("talks", "042", "2025-03-10"), "participants", participants(a, "SOURCE", b, "TARGET")));
        given().contentType(ContentType.JSON)
                .body(with(event("talks", "042", "2025-08-20"), "version", 0, "participants", participants(a, "SOURCE", c, "TARGET")))
                .put("/events/" + id).then().statusCode(200);

        assertEquals(List.of(), ids("actor", b));
        assertEquals(List.of(id), ids("actor", c));
        assertEquals(List.of(), ids("dyad", a + "," + b));
        assertEquals(List.of(id), ids("dyad", c + "," + a));
        assertEquals(List.of(), ids("actor", a, "from", "2025-03-10", "to", "2025-03-10"));
        assertEquals(List.of(id), ids("actor", a, "from", "2025-08-20", "to", "2025-08-20"));
        given().queryParam("a", a).queryParam("b", c).get("/stats/dyad").then().statusCode(200)
                .body("series.period", contains("2025-08-01"));
        given().queryParam("a", a).queryParam("b", b).get("/stats/dyad").then().statusCode(200).body("series", empty());
    }

    @Test
    void eventsOfABatchAreFoundByActorDyadAndPlace() {
        String a = actor();
        String b = actor();
        String country = place("Land", "COUNTRY", null);
        String city = place("Capital", "CITY", country);
        List<String> ids = given().contentType(ContentType.JSON).body(Map.of("items", List.of(
                with(event("first", "042", "2025-02-01"), "locationId", city, "participants", participants(a, "SOURCE", b, "TARGET")),
                with(event("second", "106", "2025-02-02"), "subjectIds", list(city), "participants", participants(b, "SOURCE")))))
                .post("/events/batch").then().statusCode(200).body("inserted", equalTo(2)).extract().path("ids");

        assertEquals(List.of(ids.get(0)), ids("actor", a));
        assertEquals(List.of(ids.get(1), ids.get(0)), ids("actor", b));
        assertEquals(List.of(ids.get(0)), ids("dyad", a + "," + b));
        assertEquals(List.of(ids.get(1), ids.get(0)), ids("place", country));
    }

    @Test
    void aPatchedCodeChangesRootQuadAndStatistics() {
        String a = actor();
        String b = actor();
        String id = recordId(with(event("visit", "042", "2025-04-02"), "participants", participants(a, "SOURCE", b, "TARGET")));
        given().contentType("application/merge-patch+json").body(Map.of("code", "190", "version", 0))
                .patch("/events/" + id).then().statusCode(200).body("rootCode", equalTo("19"));

        assertEquals(List.of(id), ids("actor", a, "root", "19"));
        assertEquals(List.of(), ids("actor", a, "root", "04"));
        assertEquals(List.of(id), ids("dyad", a + "," + b, "quad", "4"));
        given().queryParam("a", a).queryParam("b", b).get("/stats/dyad").then().statusCode(200)
                .body("series[0].goldsteinMean", equalTo(-10.0f))
                .body("series[0].quadCounts.find { it.quadClass == 4 }.count", equalTo(1));
    }

    @Test
    void placeFilterFollowsAPlaceMovedInTheHierarchy() {
        String west = place("West", "COUNTRY", null);
        String east = place("East", "COUNTRY", null);
        String regionName = unique("Borderland");
        String region = given().contentType(ContentType.JSON)
                .body(Map.of("name", regionName, "kind", "REGION", "parentId", west)).post("/places")
                .then().statusCode(201).extract().path("id");
        String town = place("Town", "CITY", region);
        String inTown = recordId(with(event("in town", "042", "2025-05-01"), "locationId", town));
        String overRegion = recordId(with(event("over the region", "106", "2025-05-02"), "subjectIds", list(region)));
        assertEquals(List.of(overRegion, inTown), ids("place", west));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", regionName, "kind", "REGION", "parentId", east, "version", 0))
                .put("/places/" + region).then().statusCode(200);

        assertEquals(List.of(), ids("place", west));
        assertEquals(List.of(overRegion, inTown), ids("place", east));
        assertEquals(List.of(inTown), ids("place", town));
    }

    @Test
    void subjectsAndLocationChangedByPatchAreFoundUnderTheirNewPlaces() {
        String country = place("Country", "COUNTRY", null);
        String first = place("First", "REGION", country);
        String second = place("Second", "REGION", country);
        String other = place("Elsewhere", "COUNTRY", null);
        String id = recordId(with(event("dispute", "106", "2025-06-01"), "subjectIds", list(first)));
        given().contentType("application/merge-patch+json").body(Map.of("subjectIds", list(second), "locationId", other, "version", 0))
                .patch("/events/" + id).then().statusCode(200);

        assertEquals(List.of(), ids("place", first));
        assertEquals(List.of(id), ids("place", second));
        assertEquals(List.of(id), ids("place", country));
        assertEquals(List.of(id), ids("place", other));
    }

    @Test
    void aDeletedEventLeavesEveryFilterAndStatistic() {
        String a = actor();
        String b = actor();
        String where = place("Venue", "CITY", null);
        String id = recordId(with(event("meeting", "043", "2025-07-01"), "locationId", where,
                "participants", participants(a, "HOST", b, "ATTENDEE")));
        given().delete("/events/" + id).then().statusCode(204);

        assertEquals(List.of(), ids("actor", a));
        assertEquals(List.of(), ids("dyad", a + "," + b));
        assertEquals(List.of(), ids("place", where));
        given().queryParam("a", a).queryParam("b", b).get("/stats/dyad").then().body("series", empty());
        given().get("/stats/actors/" + a + "/timeline").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void severalActorsPageTogetherAndASharedEventComesOnce() {
        String a = actor();
        String b = actor();
        List<String> created = new ArrayList<>();
        IntStream.range(0, 7).forEach(i -> created.add(recordId(with(event("e" + i, "042", "2025-09-0" + (1 + i / 2)),
                // events 0, 3 and 6 have both actors, the others one of them
                "participants", i % 3 == 0 ? participants(a, "SOURCE", b, "TARGET")
                        : participants(i % 2 == 0 ? a : b, "SOURCE")))));
        List<String> all = ids("actor", a + "," + b);
        assertEquals(7, all.size());
        assertEquals(7, all.stream().distinct().count());

        for (String sort : List.of("start_desc", "start_asc")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().queryParam("actor", a).queryParam("actor", b).queryParam("sort", sort)
                        .queryParam("limit", 2);
                if (cursor != null) {
                    request = request.queryParam("after", cursor);
                }
                JsonPath page = request.get("/events").then().statusCode(200).body("totalCount", equalTo(7))
                        .extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
            } while (cursor != null && seen.size() < 20);
            List<String> expected = new ArrayList<>(all);
            if (sort.equals("start_asc")) {
                Collections.reverse(expected);
            }
            assertEquals(expected, seen, sort);
        }
    }

    @Test
    void totalCountIsCountedOnlyWhenAskedFor() {
        String a = actor();
        recordId(with(event("one", "042", "2025-10-01"), "participants", participants(a, "SOURCE")));
        recordId(with(event("two", "042", "2025-10-02"), "participants", participants(a, "SOURCE")));

        given().queryParam("actor", a).queryParam("limit", 1).queryParam("count", "false").get("/events").then()
                .statusCode(200).header("Parley-Sql-Statements", "1")
                .body("items.size()", equalTo(1)).body("totalCount", nullValue()).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        given().queryParam("actor", a).queryParam("limit", 1).queryParam("count", "true").get("/events").then()
                .statusCode(200).header("Parley-Sql-Statements", "2").body("totalCount", equalTo(2));
        given().queryParam("actor", a).queryParam("count", "maybe").get("/events").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("count"));

        given().queryParam("actors", a).queryParam("count", "false").get("/events/by-participants").then()
                .statusCode(200).header("Parley-Sql-Statements", "1")
                .body("[0].items.size()", equalTo(2)).body("[0].totalCount", nullValue());
        // a caller may ask for one more than its page to learn whether there is a next one
        given().queryParam("actors", a).queryParam("limit", 501).get("/events/by-participants").then().statusCode(200)
                .body("[0].totalCount", equalTo(2));
        given().queryParam("actors", a).queryParam("limit", 502).get("/events/by-participants").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
    }
}
