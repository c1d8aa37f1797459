package org.parley.events.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * GET /stats/counts over the seed article's fifteen events (db/seed/README.md: same codes, dates,
 * precisions, places and participants), recorded through the API with fresh actor and place ids so that
 * the other tests' events in this database stay out of every count (each query filters on these actors).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventCountsTest {

    private final Map<String, String> actors = new LinkedHashMap<>();
    private String actorFilter;
    private String kyrgyzstan;

    /** Means compared as doubles (REST Assured reads JSON decimals as floats by default). */
    private static RequestSpecification request() {
        return given().config(RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    /** Once per class (REST Assured knows the test port only from the first test on, not in @BeforeAll). */
    @BeforeEach
    void recordTheArticle() {
        if (!actors.isEmpty()) {
            return;
        }
        for (String name : List.of("Putin", "Russia", "Ukraine", "United States", "Kyrgyzstan", "Witkoff", "Kushner",
                "Driscoll", "Trump", "Rada", "Zelensky", "von der Leyen", "European Commission", "White House")) {
            actors.put(name, actor());
        }
        actorFilter = String.join(",", actors.values());
        kyrgyzstan = unique("Kyrgyzstan");
        String kgz = place(kyrgyzstan, "COUNTRY", "KGZ", null);
        String bishkek = place(unique("Bishkek"), "CITY", "KGZ", kgz);
        String ukraine = place(unique("Ukraine"), "COUNTRY", "UKR", null);
        String kyiv = place(unique("Kyiv"), "CITY", "UKR", ukraine);
        String crimea = place(unique("Crimea"), "TERRITORY", "UKR", ukraine);
        String moscow = place(unique("Moscow"), "CITY", "RUS", null);
        article("e001", "042", "2025-11-27", "DAY", bishkek, "Putin", "SOURCE", "Russia", "SOURCE", "Kyrgyzstan", "HOST");
        article("e002", "106", "2025-11-27", "DAY", bishkek, "Putin", "SOURCE", "Russia", "SOURCE", "Ukraine", "TARGET");
        article("e003", "138", "2025-11-27", "DAY", bishkek, "Putin", "SOURCE", "Russia", "SOURCE", "Ukraine", "TARGET");
        article("e004", "037", "2025-10-01", "MONTH", null, "United States", "SOURCE", "Russia", "TARGET", "Ukraine", "TARGET");
        article("e005", "014", "2025-11-27", "DAY", bishkek, "Putin", "SOURCE", "United States", "TARGET");
        article("e006", "036", "2025-11-27", "DAY", bishkek, "Putin", "SOURCE", "United States", "TARGET");
        article("e007", "111", "2025-11-27", "DAY", bishkek, "Putin", "SOURCE", "Ukraine", "TARGET", "Zelensky", "TARGET");
        article("e008", "042", "2025-12-01", "WEEK", moscow, "Witkoff", "SOURCE", "United States", "SOURCE",
                "Kushner", "ATTENDEE", "Russia", "HOST", "Putin", "TARGET");
        article("e009", "042", "2025-12-01", "WEEK", kyiv, "Driscoll", "SOURCE", "United States", "SOURCE", "Ukraine", "HOST");
        article("e010", "010", "2025-11-24", "WEEK", null, "Trump", "SOURCE", "Kushner", "TARGET");
        article("e011", "051", "2025-02-01", "MONTH", kyiv, "Rada", "SOURCE", "Zelensky", "TARGET");
        article("e012", "112", "2025-11-24", "WEEK", null, "von der Leyen", "SOURCE", "European Commission", "SOURCE",
                "Russia", "TARGET");
        article("e013", "111", "2025-11-27", "DAY", bishkek, "Putin", "SOURCE");
        article("e014", "013", "2025-11-24", "WEEK", null, "White House", "SOURCE");
        article("e015", "192", "2014-03-18", "DAY", crimea, "Russia", "SOURCE", "Ukraine", "TARGET");
    }

    /**
     * Per month, October to December 2025, against the 12 months before each: Putin appears in
     * November (7 events, none before: NEW) and December (1 against 7/12: +71 %); Russia in October
     * (e004: NEW), November (4 against 1/12: +4,700 %) and December (1 against 5/12: +140 %). Groups
     * rank by their events in the periods shown.
     */
    @Test
    void countsActorsPerMonthAgainstTheirOwnBaseline() {
        request().queryParam("groupBy", "actor").queryParam("actor", actorFilter).queryParam("interval", "month")
                .queryParam("from", "2025-10-01").queryParam("to", "2025-12-31").queryParam("baseline", 12)
                .queryParam("limit", 2)
                .get("/stats/counts").then().statusCode(200)
                .body("groupBy", equalTo("actor")).body("interval", equalTo("month"))
                .body("from", equalTo("2025-10-01")).body("to", equalTo("2025-12-01"))
                .body("baselinePeriods", equalTo(12))
                .body("groups", hasSize(2))
                .body("groups.key", contains(actors.get("Putin"), actors.get("Russia")))
                .body("groups.label", everyItem(nullValue()))
                .body("groups.total", contains(8, 6))
                .body("groups[0].series.period", contains("2025-10-01", "2025-11-01", "2025-12-01"))
                .body("groups[0].series.count", contains(0, 7, 1))
                .body("groups[0].series.band", contains("STABLE", "NEW", "MUCH_HIGHER"))
                .body("groups[0].series[1].changePercent", nullValue())
                .body("groups[0].series[2].baseline", closeTo(7 / 12.0, 1e-9))
                .body("groups[0].series[2].changePercent", closeTo((1 - 7 / 12.0) * 100 / (7 / 12.0), 1e-6))
                .body("groups[1].series.count", contains(1, 4, 1))
                .body("groups[1].series.band", contains("NEW", "MUCH_HIGHER", "MUCH_HIGHER"))
                .body("groups[1].series[1].changePercent", closeTo(4700, 1e-6))
                .body("groups[1].series[2].changePercent", closeTo(140, 1e-6))
                // November's Russia events: 042 (QuadClass 1), 106, 138 and 112 (QuadClass 3)
                .body("groups[1].series[1].quadCounts.count", contains(1, 0, 3, 0));
    }

    /**
     * The filter selects events; the groups are every actor in them, so Ukraine's events also count for
     * Putin and Russia: limit 1 keeps the actor asked about, which has the most.
     * Per week with a short baseline, each band shows up: Ukraine has 3 events in the week of 24 November
     * (e002, e003, e007) and 1 in the next (e009): −66.7 % against one week; Russia has 4 and then 1,
     * against the 4 weeks before: 1 − 4/4 = 0 % in December, STABLE.
     */
    @Test
    void bandsWeeksAgainstAShortBaseline() {
        request().queryParam("groupBy", "actor").queryParam("actor", actors.get("Ukraine")).queryParam("interval", "week")
                .queryParam("from", "2025-11-24").queryParam("to", "2025-12-07").queryParam("baseline", 1)
                .queryParam("limit", 1)
                .get("/stats/counts").then().statusCode(200)
                .body("groups.key", contains(actors.get("Ukraine")))
                .body("groups[0].series.period", contains("2025-11-24", "2025-12-01"))
                .body("groups[0].series.count", contains(3, 1))
                .body("groups[0].series.band", contains("NEW", "MUCH_LOWER"))
                .body("groups[0].series[1].changePercent", closeTo(-200 / 3.0, 1e-6));
        request().queryParam("groupBy", "actor").queryParam("actor", actors.get("Russia")).queryParam("interval", "week")
                .queryParam("from", "2025-11-24").queryParam("to", "2025-12-07").queryParam("baseline", 4)
                .queryParam("limit", 1)
                .get("/stats/counts").then().statusCode(200)
                .body("groups.key", contains(actors.get("Russia")))
                .body("groups[0].series.count", contains(4, 1))
                .body("groups[0].series.baseline", contains(0.0, 1.0))
                .body("groups[0].series.band", contains("NEW", "STABLE"));
    }

    /** The article's November: five verbal cooperation and five verbal conflict events, ranked by key on a tie. */
    @Test
    void groupsByQuadClassWithNames() {
        request().queryParam("groupBy", "quad").queryParam("actor", actorFilter).queryParam("interval", "month")
                .queryParam("from", "2025-11-01").queryParam("to", "2025-11-30")
                .get("/stats/counts").then().statusCode(200)
                .body("baselinePeriods", equalTo(12))
                .body("groups.key", contains("1", "3"))
                .body("groups.label", contains("Verbal cooperation", "Verbal conflict"))
                .body("groups.total", contains(5, 5));
    }

    /** Bishkek's seven events make Kyrgyzstan the first country; the label is its COUNTRY place's name. */
    @Test
    void groupsByTheLocationsCountryAndPlace() {
        request().queryParam("groupBy", "country").queryParam("actor", actorFilter).queryParam("interval", "month")
                .queryParam("from", "2025-11-01").queryParam("to", "2025-12-31")
                .get("/stats/counts").then().statusCode(200)
                .body("groups.key", contains("KGZ", "RUS", "UKR"))
                .body("groups[0].label", equalTo(kyrgyzstan))
                .body("groups[1].label", equalTo("RUS"))
                .body("groups.total", contains(7, 1, 1))
                .body("groups[0].series.count", contains(7, 0));
        request().queryParam("groupBy", "place").queryParam("actor", actorFilter).queryParam("interval", "year")
                .queryParam("from", "2014-01-01").queryParam("to", "2014-12-31").queryParam("baseline", 2)
                .get("/stats/counts").then().statusCode(200)
                .body("groups", hasSize(1)).body("groups[0].label", startsWith("Crimea"))
                .body("groups[0].series.band", contains("NEW"));
    }

    /** A dyad is keyed by its two ids in order; Putin–Russia share e001–e003 and e008. */
    @Test
    void groupsByDyadAndRootCode() {
        String putin = actors.get("Putin");
        String russia = actors.get("Russia");
        String pair = putin.compareTo(russia) < 0 ? putin + "," + russia : russia + "," + putin;
        request().queryParam("groupBy", "dyad").queryParam("actor", actorFilter).queryParam("interval", "year")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").queryParam("limit", 1)
                .get("/stats/counts").then().statusCode(200)
                .body("groups.key", contains(pair)).body("groups.total", contains(4));
        String consult = given().queryParam("root", "04").get("/event-types").then().statusCode(200)
                .extract().path("find { it.code == '04' }.name");
        request().queryParam("groupBy", "root").queryParam("actor", actorFilter).queryParam("interval", "month")
                .queryParam("from", "2025-12-01").queryParam("to", "2025-12-31")
                .get("/stats/counts").then().statusCode(200)
                .body("groups.key", contains("04")).body("groups.label", contains(consult))
                .body("groups.total", contains(2));
    }

    @Test
    void refusesBadParametersWithTheFieldNamed() {
        for (String[] bad : new String[][] { { "groupBy", "" }, { "groupBy", "continent" }, { "baseline", "0" },
                { "baseline", "261" }, { "limit", "101" }, { "interval", "day" } }) {
            Map<String, Object> params = new HashMap<>(Map.of("groupBy", "actor"));
            params.put(bad[0], bad[1]);
            given().queryParams(params).get("/stats/counts").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(bad[0]));
        }
        given().queryParam("groupBy", "actor").queryParam("interval", "week").queryParam("from", "2000-01-01")
                .queryParam("to", "2025-01-01").get("/stats/counts").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().queryParam("groupBy", "actor").queryParam("from", "2025-02-01").queryParam("to", "2025-01-01")
                .get("/stats/counts").then().statusCode(400);
    }

    private void article(String id, String code, String start, String precision, String location, String... actorRoles) {
        Object[] pairs = new Object[actorRoles.length];
        for (int i = 0; i < actorRoles.length; i += 2) {
            pairs[i] = actors.get(actorRoles[i]);
            pairs[i + 1] = actorRoles[i + 1];
        }
        Map<String, Object> body = with(event("article " + id, code, start), "precision", precision,
                "participants", participants(pairs));
        if (location != null) {
            body = with(body, "locationId", location);
        }
        recordId(body);
    }

    private static String place(String name, String kind, String countryCode, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("countryCode", countryCode);
        body.put("parentId", parentId);
        return given().contentType(ContentType.JSON).body(body).post("/places").then().statusCode(201).extract().path("id");
    }
}
