package org.parley.gateway.export;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayWithSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.uncountedPage;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** GET /export/events.csv and .geojson against WireMock stand-ins for both services. */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class ExportTest {

    @WireMockBackends.Actors
    WireMockServer actors;

    @WireMockBackends.Events
    WireMockServer events;

    @Inject
    CircuitBreakerMaintenance breakers;

    @TestHTTPResource("/")
    URL base;

    private static final String CATALOGUE = json(List.of(Map.of("code", "042", "name", "Make a visit", "rootCode", "04",
            "quadClass", 1, "goldstein", 1.9)));

    private final String putin = id("putin");
    private final String trump = id("trump");
    private final String alaska = id("alaska");

    @BeforeEach
    void resetBackends() {
        // The first backend calls of a fresh application (class loading, fault-tolerance set-up, cold JIT) blocked
        // the event loop for seconds on a machine at load ~45, past the test profile's 1.2 s read timeout: one
        // unchecked export of an empty result first, then every stub, journal and breaker starts clean.
        // (the gateway caches the catalogue for 10 minutes: the warm-up must load the one the tests expect)
        events.stubFor(get(urlPathEqualTo("/event-types")).willReturn(okJson(CATALOGUE)));
        events.stubFor(eventsPage(null).willReturn(okJson(json(uncountedPage(List.of(), null)))));
        given().get("/export/events.csv");
        actors.resetAll();
        events.resetAll();
        breakers.resetAll();
        events.stubFor(get(urlPathEqualTo("/event-types")).willReturn(okJson(CATALOGUE)));
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(okJson(json(Map.of("items",
                List.of(actor(putin, "Vladimir Putin"), actor(trump, "Donald Trump")), "nextCursor", "")))));
        events.stubFor(get(urlPathEqualTo("/places")).willReturn(okJson(json(List.of(place(alaska, "Alaska",
                61.2181, -149.9003))))));
    }

    @Test
    void csvHasAHeaderRowAndOneQuotedGuardedRowPerEventWithNamesResolved() {
        Map<String, Object> summit = event(id("summit"), "Summit in Anchorage, Alaska", List.of(putin, trump));
        summit.put("summary", "He said \"peace\"\nthen left");
        summit.put("locationId", alaska);
        summit.put("goldstein", -5.0);
        Map<String, Object> formula = event(id("formula"), "=HYPERLINK(\"http://evil\")", List.of(trump));
        events.stubFor(eventsPage(null).willReturn(okJson(json(uncountedPage(List.of(summit, formula), null)))));

        Response response = given().queryParam("filter", "{\"rootCodes\":[\"04\"],\"from\":\"2025-01-01\"}")
                .get("/export/events.csv");

        response.then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"parley-events-"))
                .header("Content-Disposition", containsString(".csv\""));
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertThat(body, startsWith("\ufeffid,start,end,precision,status,code,type,root_code,quad_class,goldstein,"
                + "title,summary,participants,participant_ids,place,place_id,country_code,latitude,longitude,"
                + "territories_at_stake,sources,external_ids\r\n"));
        assertThat(body, containsString(id("summit") + ",2025-08-15,,DAY,OCCURRED,042,Make a visit,04,1,-5.0,"
                + "\"Summit in Anchorage, Alaska\",\"He said \"\"peace\"\"\nthen left\","
                + "Vladimir Putin (SOURCE); Donald Trump (TARGET)," + putin + " (SOURCE); " + trump + " (TARGET),"
                + "Alaska," + alaska + ",USA,61.2181,-149.9003,,,\r\n"));
        // A spreadsheet must show the text, not run it.
        assertThat(body, containsString(",\"'=HYPERLINK(\"\"http://evil\"\")\","));
        assertThat(body.split("\r\n", -1), arrayWithSize(4)); // header, two rows, and the empty rest after the last CRLF
        events.verify(1, getRequestedFor(urlPathEqualTo("/events")).withQueryParam("root", equalTo("04"))
                .withQueryParam("from", equalTo("2025-01-01")).withQueryParam("limit", equalTo("500"))
                .withQueryParam("count", equalTo("false")));
        actors.verify(1, getRequestedFor(urlPathEqualTo("/actors")));
        events.verify(1, getRequestedFor(urlPathEqualTo("/places")).withQueryParam("ids", equalTo(alaska)));
    }

    @Test
    void geojsonIsAFeatureCollectionWithLonLatPointsAndNullGeometryForUnlocatedEvents() {
        Map<String, Object> located = event(id("located"), "Summit", List.of(putin, trump));
        located.put("locationId", alaska);
        Map<String, Object> unlocated = event(id("unlocated"), "Statement", List.of(putin));
        events.stubFor(eventsPage(null).willReturn(okJson(json(uncountedPage(List.of(located, unlocated), null)))));

        given().get("/export/events.geojson").then().statusCode(200)
                .header("Content-Type", "application/geo+json")
                .header("Content-Disposition", containsString(".geojson\""))
                .body("type", is("FeatureCollection"))
                .body("features.size()", is(2))
                .body("features[0].type", is("Feature"))
                .body("features[0].id", is(id("located")))
                .body("features[0].geometry.type", is("Point"))
                .body("features[0].geometry.coordinates[0]", is(-149.9003f))
                .body("features[0].geometry.coordinates[1]", is(61.2181f))
                .body("features[0].properties.place.name", is("Alaska"))
                .body("features[0].properties.type", is("Make a visit"))
                .body("features[0].properties.participants.name", hasItem("Donald Trump"))
                .body("features[1].geometry", nullValue())
                .body("features[1].properties.participants[0].name", is("Vladimir Putin"));
    }

    @Test
    void anEmptyResultIsAFileWithOnlyTheHeader() {
        events.stubFor(eventsPage(null).willReturn(okJson(json(uncountedPage(List.of(), null)))));
        String body = new String(given().get("/export/events.csv").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(body.split("\r\n"), arrayWithSize(1));
        given().get("/export/events.geojson").then().statusCode(200).body("features.size()", is(0));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBadFilterIsRefusedAsProblemJsonNamingTheFieldWithoutABackendCall() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"rootCode\":[\"04\"]}", "filter.rootCode");
        cases.put("{\"quadClasses\":[5]}", "filter.quadClasses");
        cases.put("{\"quadClasses\":[null]}", "filter.quadClasses[0]");
        cases.put("{\"quadClasses\":[\"four\"]}", "filter.quadClasses[0]");
        cases.put("{\"dyad\":{\"a\":\"not-a-uuid\",\"b\":\"" + putin + "\"}}", "filter.dyad.a");
        cases.put("{\"from\":\"2025-02-30\"}", "filter.from");
        cases.put("{\"from\":\"2025-03-01\",\"to\":\"2025-01-01\"}", "filter.from");
        cases.put("{\"statuses\":[\"HAPPENED\"]}", "filter.statuses[0]");
        cases.put("{\"text\":\"a\\u0000b\"}", "filter.text");
        cases.put("[1,2]", "filter");
        cases.put("{not json", "filter");
        cases.forEach((filter, field) -> given().queryParam("filter", filter).get("/export/events.csv").then()
                .statusCode(400)
                .header("Content-Type", "application/problem+json")
                .body("status", is(400))
                .body("code", is("BAD_USER_INPUT"))
                .body("violations[0].field", is(field)));
        given().queryParam("orderBy", "SIDEWAYS").get("/export/events.geojson").then().statusCode(400)
                .body("violations[0].field", is("orderBy"));
        // a guessed parameter would otherwise export every event as if no filter had been asked
        given().queryParam("actorIds", putin).get("/export/events.csv").then().statusCode(400)
                .header("Content-Type", "application/problem+json")
                .body("code", is("BAD_USER_INPUT"))
                .body("violations[0].field", is("actorIds"));
        events.verify(0, getRequestedFor(urlPathEqualTo("/events")));
    }

    @Test
    void aBackendDownBeforeTheFirstByteIs503ProblemNamingTheService() {
        events.stubFor(eventsPage(null).willReturn(aResponse().withStatus(503)));
        given().get("/export/events.csv").then().statusCode(503)
                .header("Content-Type", "application/problem+json")
                .body("code", is("UPSTREAM_UNAVAILABLE"))
                .body("service", is("events-service"));
    }

    @Test
    void aBackendFailingAfterTheFirstPageCutsTheDownloadSoItCannotPassForComplete() throws Exception {
        events.stubFor(eventsPage(null).willReturn(okJson(json(uncountedPage(
                List.of(event(id("first"), "First page", List.of(putin))), "c1")))));
        events.stubFor(eventsPage("c1").willReturn(aResponse().withStatus(500)));

        try (RawDownload download = new RawDownload(base, "/export/events.csv", null)) {
            assertEquals(200, download.status);
            String body = download.rest();
            assertThat(body, containsString("First page"));
            assertFalse(download.complete(), "the chunked body must not end with its end marker");
        }
    }

    /**
     * The memory bound: a client that stops reading stops the paging (the write queue backs up and the next page
     * is asked for only when it drains), while the first rows arrived long before the last page was asked for;
     * read to the end, every row of every page is there.
     */
    @Test
    void manyPagesAreStreamedAtTheClientsPaceAndAllArrive() throws Exception {
        int pages = 60;
        int perPage = 500;
        String padding = "x".repeat(1000);
        for (int p = 0; p < pages; p++) {
            List<Map<String, Object>> items = new ArrayList<>(perPage);
            for (int i = 0; i < perPage; i++) {
                Map<String, Object> e = event(id("bulk-" + p + "-" + i), "Bulk " + p + "/" + i, List.of(putin, trump));
                e.put("summary", padding);
                items.add(e);
            }
            events.stubFor(eventsPage(p == 0 ? null : "p" + p)
                    .willReturn(okJson(json(uncountedPage(items, p == pages - 1 ? null : "p" + (p + 1))))));
        }

        try (RawDownload download = new RawDownload(base, "/export/events.csv", null)) {
            assertEquals(200, download.status);
            assertEquals("chunked", download.headers.get("transfer-encoding"));
            assertThat(new String(download.chunk(), StandardCharsets.UTF_8), startsWith("\ufeffid,"));
            // The client reads nothing more: the gateway must stop asking for pages well before the last.
            int asked = settledPageRequests(Duration.ofSeconds(20));
            assertThat("pages asked while the client did not read", asked, lessThan(pages / 2));
            events.verify(0, getRequestedFor(urlPathEqualTo("/events")).withQueryParam("after", equalTo("p" + (pages - 1))));

            String rest = download.rest();
            assertTrue(download.complete());
            long rows = rest.chars().filter(c -> c == '\n').count();
            assertEquals((long) pages * perPage, rows);
        }
        // (No exact call count: on a loaded machine a slow page may be retried once, which the row count covers.)
    }

    /** The number of page requests once it has stopped growing for a second (the stream is held back). */
    private int settledPageRequests(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            int now = events.findAll(getRequestedFor(urlPathEqualTo("/events"))).size();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(1000);
        }
        throw new AssertionError("the gateway kept asking for pages while the client read nothing: " + last);
    }

    private static MappingBuilder eventsPage(String after) {
        return get(urlPathEqualTo("/events")).withQueryParam("after", after == null ? absent() : equalTo(after));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static Map<String, Object> place(String id, String name, double latitude, double longitude) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("kind", "REGION");
        p.put("countryCode", "USA");
        p.put("parentId", null);
        p.put("latitude", latitude);
        p.put("longitude", longitude);
        p.put("status", null);
        p.put("statusSince", null);
        p.put("version", 0);
        return p;
    }
}
