package org.parley.events.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.with;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class StatsResourceTest {

    /** Means compared as doubles (REST Assured reads JSON decimals as floats by default). */
    private static RequestSpecification request() {
        return given().config(RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    /**
     * A↔B: January 042 (+1.9, Q1), 106 (−5.0, Q3), 190 (−10.0, Q4); February 057 (+8.0, Q1), 061 (+6.4, Q2).
     * An A-only event in February is not part of the dyad.
     * January: count 3, mean (1.9 − 5 − 10) / 3 = −4.3667, Q1 1, Q2 0, Q3 1, Q4 1.
     * February: count 2, mean (8 + 6.4) / 2 = 7.2, Q1 1, Q2 1, Q3 0, Q4 0.
     */
    @Test
    void computesDyadStatisticsPerMonthAndWeek() {
        String a = actor();
        String b = actor();
        record(a, b, "042", "2025-01-05");
        record(a, b, "106", "2025-01-20");
        record(b, a, "190", "2025-01-25");
        record(a, b, "057", "2025-02-10");
        record(a, b, "061", "2025-02-11");
        recordId(with(event("a alone", "112", "2025-02-12"), "participants", participants(a, "SOURCE", actor(), "TARGET")));

        request().queryParam("a", a).queryParam("b", b).queryParam("interval", "month").get("/stats/dyad").then()
                .statusCode(200)
                .body("a", equalTo(a)).body("b", equalTo(b)).body("interval", equalTo("month"))
                .body("series", hasSize(2))
                .body("series[0].period", equalTo("2025-01-01"))
                .body("series[0].count", equalTo(3))
                .body("series[0].goldsteinMean", closeTo(-4.3667, 0.0001))
                .body("series[0].quadCounts.count", contains(1, 0, 1, 1))
                .body("series[0].quadCounts.quadClass", contains(1, 2, 3, 4))
                .body("series[1].period", equalTo("2025-02-01"))
                .body("series[1].count", equalTo(2))
                .body("series[1].goldsteinMean", closeTo(7.2, 0.0001))
                .body("series[1].quadCounts.count", contains(1, 1, 0, 0));

        // weeks start on Monday: 5 Jan 2025 is a Sunday (week of 30 Dec 2024); 20 and 25 Jan share a week
        request().queryParam("a", b).queryParam("b", a).queryParam("interval", "week").get("/stats/dyad").then()
                .statusCode(200)
                .body("series.period", contains("2024-12-30", "2025-01-20", "2025-02-10"))
                .body("series.count", contains(1, 2, 2))
                .body("series[1].goldsteinMean", closeTo(-7.5, 0.0001));

        given().queryParam("a", a).queryParam("b", b).queryParam("from", "2025-02-01").queryParam("to", "2025-02-28")
                .get("/stats/dyad").then().statusCode(200).body("series.period", contains("2025-02-01"));
    }

    @Test
    void rejectsBadDyadParameters() {
        String a = actor();
        given().queryParam("a", a).queryParam("b", a).get("/stats/dyad").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("a", a).queryParam("b", actor()).queryParam("interval", "fortnight").get("/stats/dyad")
                .then().statusCode(400).body("violations[0].field", equalTo("interval"));
        given().queryParam("a", "x").queryParam("b", actor()).get("/stats/dyad").then().statusCode(400)
                .body("violations[0].field", equalTo("a"));
        given().queryParam("a", a).queryParam("b", actor()).get("/stats/dyad").then().statusCode(200)
                .body("series", empty());
    }

    @Test
    void ranksCounterpartsByCountAlsoForSeveralActorsAtOnce() {
        String a = actor();
        String b = actor();
        String c = actor();
        String d = actor();
        record(a, b, "042", "2025-03-01");
        record(a, b, "043", "2025-03-02");
        record(b, a, "112", "2025-03-03");
        record(a, c, "042", "2025-03-04");
        // a in two roles of one event with d still counts that event once
        recordId(with(event("double role", "042", "2025-03-05"), "participants",
                participants(a, "HOST", a, "ATTENDEE", d, "ATTENDEE")));

        given().queryParam("limit", 2).get("/stats/actors/" + a + "/counterparts").then().statusCode(200)
                .body("actorId", contains(b, c.compareTo(d) < 0 ? c : d)).body("count", contains(3, 1));
        given().queryParam("actors", c + "," + a).queryParam("limit", 5).get("/stats/counterparts").then().statusCode(200)
                .body("actorId", contains(c, a))
                .body("[0].counterparts.actorId", contains(a)).body("[0].counterparts.count", contains(1))
                .body("[1].counterparts", hasSize(3)).body("[1].counterparts[0].count", equalTo(3))
                .header("Parley-Sql-Statements", "1");
        given().get("/stats/counterparts").then().statusCode(400);
    }

    @Test
    void buildsAnActorTimeline() {
        String a = actor();
        record(a, actor(), "042", "2025-04-01");
        record(a, actor(), "190", "2025-04-15");
        record(a, actor(), "057", "2025-05-01");
        request().queryParam("interval", "month").get("/stats/actors/" + a + "/timeline").then().statusCode(200)
                .body("period", contains("2025-04-01", "2025-05-01"))
                .body("count", contains(2, 1))
                .body("[0].goldsteinMean", closeTo(-4.05, 0.0001))
                .body("[0].quadCounts.count", contains(1, 0, 0, 1));
        given().get("/stats/actors/nope/timeline").then().statusCode(400);
    }

    private static void record(String source, String target, String code, String start) {
        recordId(with(event("stat " + code, code, start), "participants", participants(source, "SOURCE", target, "TARGET")));
    }
}
