package org.parley.events.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.with;
import static org.parley.events.search.RankedSearchContract.word;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * totalCount stops counting one past parley.events.count-limit (3 in this profile): more matches answer
 * the limit with totalCountIsExact false, so a count costs at most the limit's index entries however many
 * events match; up to the limit the count is exact.
 */
@QuarkusTest
@TestProfile(WithoutRum.class)
class TotalCountLimitTest {

    private static String actorWith(int events, String title) {
        String a = actor();
        for (int i = 0; i < events; i++) {
            recordId(with(event(title, "042", "2025-10-0" + (1 + i)), "participants", participants(a, "SOURCE")));
        }
        return a;
    }

    @Test
    void countsExactlyUpToTheLimit() {
        String a = actorWith(WithoutRum.COUNT_LIMIT, "Meeting");
        given().queryParam("actor", a).get("/events").then().statusCode(200)
                .body("totalCount", equalTo(3)).body("totalCountIsExact", equalTo(true));
        given().queryParam("actor", actor()).get("/events").then().statusCode(200)
                .body("totalCount", equalTo(0)).body("totalCountIsExact", equalTo(true));
    }

    @Test
    void beyondTheLimitAnswersTheLimitAsNotExact() {
        String w = word();
        String a = actorWith(WithoutRum.COUNT_LIMIT + 2, "Meeting on " + w);
        String b = actorWith(1, "Meeting");
        // a walked key, several keys (an event of both counted once), a scan of the event table, a text match
        given().queryParam("actor", a).queryParam("limit", 1).get("/events").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("totalCount", equalTo(3)).body("totalCountIsExact", equalTo(false));
        given().queryParam("actor", a + "," + b).get("/events").then().statusCode(200)
                .body("items.size()", equalTo(6)).body("totalCount", equalTo(3)).body("totalCountIsExact", equalTo(false));
        given().queryParam("text", w).get("/events").then().statusCode(200)
                .body("items.size()", equalTo(5)).body("totalCount", equalTo(3)).body("totalCountIsExact", equalTo(false));
        given().get("/events").then().statusCode(200).body("totalCount", equalTo(3)).body("totalCountIsExact", equalTo(false));
        // by-participants, by date and by relevance, next to an actor under the limit
        given().queryParam("actors", a + "," + b).get("/events/by-participants").then().statusCode(200)
                .body("[0].totalCount", equalTo(3)).body("[0].totalCountIsExact", equalTo(false))
                .body("[1].totalCount", equalTo(1)).body("[1].totalCountIsExact", equalTo(true));
        given().queryParam("actors", a).queryParam("text", w).get("/events/by-participants").then().statusCode(200)
                .body("[0].totalCount", equalTo(3)).body("[0].totalCountIsExact", equalTo(false));
    }

    @Test
    void notCountingSaysNeither() {
        given().queryParam("actor", actorWith(1, "Meeting")).queryParam("count", "false").get("/events").then()
                .statusCode(200).body("totalCount", nullValue()).body("totalCountIsExact", nullValue());
    }
}
