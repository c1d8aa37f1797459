package org.parley.events.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 15's failures, one each: input that PostgreSQL cannot store or JSON cannot carry back is a
 * 400 naming the field, and nothing of it is stored; a value stored before these checks existed
 * does not make the event or any page with it unreadable.
 */
@QuarkusTest
class BadInputTest {

    private static final String NUL = "a\u0000b";
    private static final String NUL_REASON = "must not contain the NUL character (U+0000)";
    private static final String DATE_REASON = "must be a date from 0001-01-01 to 9999-12-31";

    private static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private static RequestSpecification json(String body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    private static String eventJson(String extra) {
        return "{\"title\": \"" + unique("bad input") + "\", \"code\": \"042\", \"status\": \"OCCURRED\","
                + " \"start\": \"2025-11-26\"" + extra + "}";
    }

    @Test
    void returns400ForNulInTextQueryParameters() {
        refused(given().queryParam("text", NUL).get("/events").then(), "text")
                .body("violations[0].message", equalTo(NUL_REASON));
        refused(given().queryParam("actors", actor()).queryParam("text", NUL).get("/events/by-participants").then(), "text");
        refused(given().queryParam("text", NUL).get("/places").then(), "text");
        refused(given().queryParam("countryCode", NUL).get("/places").then(), "countryCode");
    }

    @Test
    void returns400ForNulInTitleSummarySourceAndPlaceName() {
        refused(json(eventJson("").replace("bad input", "bad\\u0000input")).post("/events").then(), "title");
        refused(json(eventJson(", \"summary\": \"x\\u0000\"")).post("/events").then(), "summary");
        refused(json(eventJson(", \"sources\": [{\"title\": \"t\", \"excerpt\": \"quote \\u0000\"}]")).post("/events").then(),
                "sources[0].excerpt");
        String id = recordId(event(unique("sourced"), "042", "2025-11-26"));
        refused(json("{\"title\": \"said\", \"publisher\": \"\\u0000\"}").post("/events/" + id + "/sources").then(), "publisher");
        refused(json("{\"name\": \"Don\\u0000etsk\", \"kind\": \"REGION\"}").post("/places").then(), "name");
        refused(json("{\"items\": [{\"key\": \"t:1\", \"name\": \"x\\u0000\", \"kind\": \"CITY\"}]}").post("/places/resolve").then(),
                "items[0].name");
        refused(json("{\"items\": [" + eventJson(", \"externalIds\": [\"t:\\u0000\"]") + "]}").post("/events/batch").then(),
                "items[0].externalIds[0]");
        refused(json(eventJson(", \"metrics\": {\"a\\u0000\": 1}")).post("/events").then(), "metrics");
    }

    @Test
    void returns400ForUnpairedSurrogatesFoundByTheFuzz() {
        String id = recordId(event(unique("surrogates"), "042", "2025-11-26"));
        refused(json("{\"title\": \"said\", \"publisher\": \"\\udb9b\\u11cb\"}").post("/events/" + id + "/sources").then(),
                "publisher");
        given().get("/events/" + id).then().statusCode(200).body("sources", org.hamcrest.Matchers.empty());
    }

    @Test
    void returns400ForABlankRelationKindFoundByTheFuzz() {
        String id = recordId(event(unique("unlinked"), "042", "2025-11-26"));
        refused(given().urlEncodingEnabled(false).delete("/events/" + id + "/related/%20/" + UUID.randomUUID()).then(), "kind");
    }

    @Test
    void returns400ForDatesPostgresCannotHold() {
        String a = actor();
        String b = actor();
        refused(given().queryParam("from", "-5000-01-01").get("/events").then(), "from")
                .body("violations[0].message", equalTo(DATE_REASON));
        refused(given().queryParam("to", "+10000-01-01").get("/events").then(), "to");
        refused(given().queryParam("a", a).queryParam("b", b).queryParam("from", "-5000-01-01").get("/stats/dyad").then(), "from");
        refused(given().queryParam("from", "-5000-01-01").get("/stats/actors/" + a + "/timeline").then(), "from");
        refused(given().queryParam("actors", a).queryParam("from", "-5000-01-01").get("/events/by-participants").then(), "from");
        refused(json(eventJson("").replace("2025-11-26", "-5000-01-01")).post("/events").then(), "start")
                .body("violations[0].message", equalTo(DATE_REASON));
        refused(json(eventJson(", \"end\": \"+20000-01-01\"")).post("/events").then(), "end");
        refused(json(eventJson(", \"sources\": [{\"title\": \"t\", \"publishedAt\": \"+200000-01-01T00:00:00Z\"}]"))
                .post("/events").then(), "sources[0].publishedAt");
        refused(json("{\"name\": \"" + unique("old") + "\", \"kind\": \"CITY\", \"statusSince\": \"-0001-01-01\"}")
                .post("/places").then(), "statusSince");

        String id = recordId(event(unique("dated"), "042", "2025-11-26"));
        refused(json(eventJson(", \"version\": 0").replace("2025-11-26", "-5000-01-01")).put("/events/" + id).then(), "start");
        refused(json("{\"start\": \"-5000-01-01\", \"version\": 0}").contentType("application/merge-patch+json")
                .patch("/events/" + id).then(), "start");
        given().get("/events/" + id).then().statusCode(200).body("start", equalTo("2025-11-26")).body("version", equalTo(0));
    }

    @Test
    void acceptsTheFirstAndLastStorableDay() {
        String first = recordId(event(unique("first day"), "042", "0001-01-01"));
        String last = recordId(with(event(unique("last day"), "042", "9999-12-31"), "end", "9999-12-31"));
        given().get("/events/" + first).then().statusCode(200).body("start", equalTo("0001-01-01"));
        given().get("/events/" + last).then().statusCode(200).body("end", equalTo("9999-12-31"));
        given().queryParam("from", "0001-01-01").queryParam("to", "9999-12-31").queryParam("ids", first + "," + last)
                .get("/events").then().statusCode(200);
        given().queryParam("from", "0001-01-01").queryParam("to", "9999-12-31").queryParam("limit", 1)
                .get("/events").then().statusCode(200);
    }

    @Test
    void returns400ForMetricsNoDoubleHoldsAndStoresNothing() {
        String id = recordId(with(event(unique("metrics"), "042", "2025-11-26"), "metrics", Map.of("tone", 1.5)));
        for (String bad : List.of("1e400", "-1e400", "\"NaN\"", "\"Infinity\"")) {
            refused(json(eventJson(", \"metrics\": {\"x\": " + bad + "}")).post("/events").then(), "metrics.x");
            refused(json(eventJson(", \"version\": 0, \"metrics\": {\"x\": " + bad + "}")).put("/events/" + id).then(),
                    "metrics.x");
            refused(json("{\"version\": 0, \"metrics\": {\"x\": " + bad + "}}").contentType("application/merge-patch+json")
                    .patch("/events/" + id).then(), "metrics.x");
            refused(json("{\"items\": [" + eventJson(", \"metrics\": {\"x\": " + bad + "}") + "]}").post("/events/batch").then(),
                    "items[0].metrics.x");
        }
        given().get("/events/" + id).then().statusCode(200).body("version", equalTo(0)).body("metrics.tone", equalTo(1.5f));
        refused(json("{\"name\": \"" + unique("p") + "\", \"kind\": \"CITY\", \"latitude\": \"NaN\"}").post("/places").then(),
                "latitude");
    }

    @Test
    void returns400ForNullListItems() {
        refused(json(eventJson(", \"participants\": [null]")).post("/events").then(), "participants[0]");
        refused(json(eventJson(", \"subjectIds\": [null]")).post("/events").then(), "subjectIds[0]");
        refused(json(eventJson(", \"sources\": [null]")).post("/events").then(), "sources[0]");
        refused(json(eventJson(", \"externalIds\": [null]")).post("/events").then(), "externalIds[0]");
        refused(json(eventJson(", \"metrics\": {\"x\": null}")).post("/events").then(), "metrics[x]");
        refused(json("{\"items\": [null]}").post("/events/batch").then(), "items[0]");
        refused(json("{\"items\": [null]}").post("/places/resolve").then(), "items[0]");
        String id = recordId(event(unique("patched"), "042", "2025-11-26"));
        refused(json("{\"version\": 0, \"participants\": [null]}").contentType("application/merge-patch+json")
                .patch("/events/" + id).then(), "participants[0]");
    }

    @Test
    void ignoresEmptyItemsInListQueryParameters() {
        String a = actor();
        String id = recordId(with(event(unique("listed"), "042", "2025-11-26"), "participants", participants(a, "SOURCE")));
        given().queryParam("actor", "," + a + ",,").queryParam("code", ",").queryParam("status", "")
                .get("/events").then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("ids", ",").queryParam("actor", a).get("/events").then().statusCode(200);
        given().queryParam("actors", a + ",,").get("/events/by-participants").then().statusCode(200);
        given().queryParam("actors", ",").get("/stats/counterparts").then().statusCode(400);
    }

    @Test
    void readsAnEventWhoseStoredMetricsCannotBeRepresented() throws Exception {
        String text = unique("poisoned").replace(" ", "");
        String id = recordId(with(event(text, "042", "2025-11-26"), "metrics", Map.of("ok", 2.5)));
        String stored = "{\"ok\": 2.5, \"huge\": 1e400, \"minus\": -1e400, \"nan\": \"NaN\", \"inf\": \"Infinity\"}";
        try (Connection jdbc = jdbc()) {
            setMetrics(jdbc, id, stored);

            given().get("/events/" + id).then().statusCode(200).body("metrics", equalTo(Map.of("ok", 2.5f)));
            given().queryParam("ids", id).get("/events").then().statusCode(200).body("items[0].metrics.ok", equalTo(2.5f));
            given().queryParam("text", text).get("/events").then().statusCode(200).body("items.id", hasItem(id));
            given().queryParam("limit", 500).get("/events").then().statusCode(200);

            // the repair migration removes exactly the unrepresentable entries
            runMigration(jdbc, "db/migration/V7__finite_metrics.sql");
            assertMetrics(jdbc, id, "{\"ok\": 2.5}");

            setMetrics(jdbc, id, "[1, 2]");
            given().get("/events/" + id).then().statusCode(200);
            runMigration(jdbc, "db/migration/V7__finite_metrics.sql");
            assertMetrics(jdbc, id, null);

            // a source time outside 0001–9999, storable before the input rules
            try (Statement statement = jdbc.createStatement()) {
                statement.executeUpdate("insert into event_source (event_id, id, title, published_at) values ('" + id
                        + "', gen_random_uuid(), 'far future', '10000-01-01T00:00:00Z'), ('" + id
                        + "', gen_random_uuid(), 'far past', '0500-01-01 00:00:00+00 BC')");
            }
            given().get("/events/" + id).then().statusCode(200).body("sources.title", hasItem("far past"))
                    .body("sources.publishedAt", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
            given().queryParam("ids", id).get("/events").then().statusCode(200);
            runMigration(jdbc, "db/migration/V7__finite_metrics.sql");
            try (Statement statement = jdbc.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*) from event_source where event_id = '" + id
                            + "' and published_at is null")) {
                rs.next();
                org.junit.jupiter.api.Assertions.assertEquals(2, rs.getInt(1));
            }

            // a start before year 1, storable before the input rules: readable, and paging passes it
            try (Statement statement = jdbc.createStatement()) {
                statement.executeUpdate("update event set start_date = '1000-01-01 BC', end_exclusive = '1000-01-02 BC'"
                        + " where id = '" + id + "'");
            }
            given().get("/events/" + id).then().statusCode(200).body("start", equalTo("-0999-01-01"));
            String next = given().queryParam("sort", "start_asc").queryParam("limit", 1).get("/events").then()
                    .statusCode(200).body("items[0].id", equalTo(id)).extract().path("nextCursor");
            given().queryParam("sort", "start_asc").queryParam("limit", 1).queryParam("after", next).get("/events")
                    .then().statusCode(200);

            setMetrics(jdbc, id, "{\"x\": \"NaN\"}");
            given().get("/events/" + id).then().statusCode(200).body("metrics", anEmptyMap());
            // and a write can repair it through the API
            json(eventJson(", \"version\": 0, \"metrics\": {\"x\": 1}").replaceFirst("\"title\": \"[^\"]*\"", "\"title\": \"fixed\""))
                    .put("/events/" + id).then().statusCode(200).body("metrics.x", equalTo(1.0f));
        }
    }

    private static Connection jdbc() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static void setMetrics(Connection jdbc, String id, String json) throws Exception {
        try (PreparedStatement update = jdbc.prepareStatement("update event set metrics = ?::jsonb where id = ?")) {
            update.setString(1, json);
            update.setObject(2, UUID.fromString(id));
            update.executeUpdate();
        }
    }

    private static void assertMetrics(Connection jdbc, String id, String expected) throws Exception {
        try (PreparedStatement select = jdbc.prepareStatement(
                "select metrics is not distinct from ?::jsonb from event where id = ?")) {
            select.setString(1, expected);
            select.setObject(2, UUID.fromString(id));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new AssertionError("metrics of " + id + " are not " + expected);
                }
            }
        }
    }

    private static void runMigration(Connection jdbc, String resource) throws Exception {
        try (InputStream in = BadInputTest.class.getClassLoader().getResourceAsStream(resource);
                Statement statement = jdbc.createStatement()) {
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
