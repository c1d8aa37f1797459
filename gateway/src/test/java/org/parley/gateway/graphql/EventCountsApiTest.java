package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.gateway.FakeEventStream;
import org.parley.gateway.Gql;
import org.parley.gateway.GraphQLWsClient;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * eventCounts and activityAlerts against WireMock backends: events-service's GET /stats/counts answers
 * with the seed article's figures (events-service's EventCountsTest computes them from the events), the
 * gateway passes the filter on, names actors in one call and turns crossings into alerts.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
@WithTestResource(FakeEventStream.class)
class EventCountsApiTest extends LiveStreamTest {

    private static final String PUTIN = id("counts-putin");
    private static final String RUSSIA = id("counts-russia");

    private static final String COUNTS = """
            query Counts($actors: [ID!], $periods: Int) {
              eventCounts(filter: {actorIds: $actors, from: "2025-10-01", to: "2025-12-31"}, groupBy: ACTOR,
                          interval: MONTH, baseline: {periods: $periods}, first: 2) {
                groupBy interval from to baselinePeriods
                groups { key name actorIds total series { period count baseline changePercent band quadCounts { count } } }
              }
            }""";

    private static final String ALERTS = """
            subscription Alerts($actor: ID!) {
              activityAlerts(filter: {actorIds: [$actor], quadClasses: [4]}, groupBy: ACTOR, interval: WEEK,
                             baseline: {periods: 52}, threshold: {bands: [MUCH_HIGHER, NEW], minCount: 2}) {
                crossing previousBand group { key name } period { count baseline band }
              }
            }""";

    @WireMockBackends.Events
    WireMockServer events;

    /** LiveStreamTest resets actors-service's stand-in only; counts and their requests must not leak between tests. */
    @BeforeEach
    void noCountsFromAnotherTest() {
        events.resetAll();
    }

    @Test
    void countsWithActorNamesFromOneActorsCall() {
        stubCounts(json(counts("actor", "2025-10-01", "2025-12-01",
                group(PUTIN, null, 8, period("2025-10-01", 0, 0, null, "STABLE"), period("2025-11-01", 7, 0, null, "NEW"),
                        period("2025-12-01", 1, 7 / 12.0, 71.43, "MUCH_HIGHER")),
                group(RUSSIA, null, 6, period("2025-10-01", 1, 0, null, "NEW"),
                        period("2025-11-01", 4, 1 / 12.0, 4700.0, "MUCH_HIGHER"),
                        period("2025-12-01", 1, 5 / 12.0, 140.0, "MUCH_HIGHER")))));
        stubActors(PUTIN, "Vladimir Putin", RUSSIA, "Russia");

        Gql.post(COUNTS, Map.of("actors", List.of(PUTIN, RUSSIA), "periods", 12)).statusCode(200)
                .body("errors", nullValue())
                .body("data.eventCounts.groupBy", org.hamcrest.Matchers.equalTo("ACTOR"))
                .body("data.eventCounts.from", org.hamcrest.Matchers.equalTo("2025-10-01"))
                .body("data.eventCounts.baselinePeriods", org.hamcrest.Matchers.equalTo(12))
                .body("data.eventCounts.groups.name", contains("Vladimir Putin", "Russia"))
                .body("data.eventCounts.groups.actorIds", contains(List.of(PUTIN), List.of(RUSSIA)))
                .body("data.eventCounts.groups[0].series.band", contains("STABLE", "NEW", "MUCH_HIGHER"))
                .body("data.eventCounts.groups[1].series.count", contains(1, 4, 1));

        events.verify(1, getRequestedFor(urlPathEqualTo("/stats/counts"))
                .withQueryParam("groupBy", equalTo("actor")).withQueryParam("interval", equalTo("month"))
                .withQueryParam("baseline", equalTo("12")).withQueryParam("limit", equalTo("2"))
                .withQueryParam("from", equalTo("2025-10-01")).withQueryParam("to", equalTo("2025-12-31"))
                .withQueryParam("actor", equalTo(PUTIN)));
        actors.verify(1, getRequestedFor(urlPathEqualTo("/actors")));
    }

    @Test
    void dyadsAreNamedByBothActorsAndNamesFallBackToNullWhenActorsServiceFails() {
        String pair = PUTIN.compareTo(RUSSIA) < 0 ? PUTIN + "," + RUSSIA : RUSSIA + "," + PUTIN;
        stubCounts(json(counts("dyad", "2025-01-01", "2025-01-01",
                group(pair, null, 4, period("2025-01-01", 4, 0, null, "NEW")))));
        stubActors(PUTIN, "Vladimir Putin", RUSSIA, "Russia");
        String query = "{ eventCounts(groupBy: DYAD, interval: YEAR) { groups { key name actorIds } } }";
        String first = pair.startsWith(PUTIN) ? "Vladimir Putin" : "Russia";
        String second = pair.startsWith(PUTIN) ? "Russia" : "Vladimir Putin";
        Gql.post(query).statusCode(200).body("errors", nullValue())
                .body("data.eventCounts.groups[0].name", org.hamcrest.Matchers.equalTo(first + " — " + second))
                .body("data.eventCounts.groups[0].actorIds", contains(pair.split(",")));

        actors.resetAll();
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(500)));
        Gql.post(query).statusCode(200).body("errors", nullValue())
                .body("data.eventCounts.groups[0].name", nullValue())
                .body("data.eventCounts.groups[0].key", org.hamcrest.Matchers.equalTo(pair));
    }

    @Test
    void refusesABaselineOutOfRangeBeforeAskingEventsService() {
        for (int periods : new int[] { 0, 261 }) {
            Gql.post(COUNTS, Map.of("actors", List.of(PUTIN), "periods", periods)).statusCode(200)
                    .body("data.eventCounts", nullValue())
                    .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("baseline.periods"));
        }
        Gql.post("{ eventCounts(groupBy: COUNTRY, first: 0) { from } }").statusCode(200)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("BAD_USER_INPUT"));
        events.verify(0, getRequestedFor(urlPathEqualTo("/stats/counts")));
    }

    /**
     * Russia's conflict events this week: 1 against a baseline of 1 (STABLE, no alert), then 3 (+200 %:
     * ENTERED), 4 (still in: nothing), then a deletion brings it back to 1 (LEFT). Each matching change
     * makes one recount; a change that does not match the filter makes none.
     */
    @Test
    void alertsOncePerCrossingOfTheThreshold() throws Exception {
        stubActors(RUSSIA, "Russia");
        String week = LocalDate.now(ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY).toString();
        String[] states = { Scenario.STARTED, "3", "4", "1" };
        String[] bodies = {
                json(counts("actor", week, week, group(RUSSIA, null, 1, period(week, 1, 1, 0.0, "STABLE")))),
                json(counts("actor", week, week, group(RUSSIA, null, 3, period(week, 3, 1, 200.0, "MUCH_HIGHER")))),
                json(counts("actor", week, week, group(RUSSIA, null, 4, period(week, 4, 1, 300.0, "MUCH_HIGHER")))),
                json(counts("actor", week, week, group(RUSSIA, null, 1, period(week, 1, 1, 0.0, "STABLE")))) };
        for (int i = 0; i < states.length; i++) {
            events.stubFor(get(urlPathEqualTo("/stats/counts")).inScenario("alerts").whenScenarioStateIs(states[i])
                    .willSetStateTo(i + 1 < states.length ? states[i + 1] : "done")
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(bodies[i])));
        }
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            client.subscribe("1", ALERTS, Map.of("actor", RUSSIA));
            awaitCounts(1);
            FakeEventStream.await("the upstream connection", DEADLINE, () -> upstream.openConnections() == 1);

            upstream.publish("RECORDED", conflict(id("unrelated"), id("someone-else")));
            upstream.publish("RECORDED", conflict(id("attack-1"), RUSSIA));
            awaitCounts(2);
            JsonObject entered = alert(client.next(DEADLINE));
            assertEquals("ENTERED", entered.getString("crossing"));
            assertEquals("STABLE", entered.getString("previousBand"));
            assertEquals("Russia", entered.getJsonObject("group").getString("name"));
            assertEquals(3, entered.getJsonObject("period").getInteger("count"));
            assertEquals("MUCH_HIGHER", entered.getJsonObject("period").getString("band"));

            upstream.publish("RECORDED", conflict(id("attack-2"), RUSSIA));
            awaitCounts(3);
            // a deletion carries no event to match (the fake stream sends one anyway): every deletion recounts
            upstream.publish("DELETED", conflict(id("attack-1"), RUSSIA));
            awaitCounts(4);
            JsonObject left = alert(client.next(DEADLINE));
            assertEquals("LEFT", left.getString("crossing"), "no alert while it stayed in the band");
            assertEquals("MUCH_HIGHER", left.getString("previousBand"));
            assertEquals("STABLE", left.getJsonObject("period").getString("band"));
            assertEquals(4, events.countRequestsMatching(getRequestedFor(urlPathEqualTo("/stats/counts")).build())
                    .getCount(), "the unrelated event caused no recount");
        }
        events.verify(getRequestedFor(urlPathEqualTo("/stats/counts")).withQueryParam("from", equalTo(
                LocalDate.now(ZoneOffset.UTC).toString())).withQueryParam("quad", equalTo("4"))
                .withQueryParam("interval", equalTo("week")).withQueryParam("baseline", equalTo("52")));
    }

    @Test
    void alertsAreAnnouncedAtOnceForGroupsAlreadyBeyondTheThresholdAndRefuseAStableThreshold() throws Exception {
        stubActors(RUSSIA, "Russia");
        String week = LocalDate.now(ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY).toString();
        stubCounts(json(counts("actor", week, week, group(RUSSIA, null, 5, period(week, 5, 0, null, "NEW")))));
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            client.subscribe("1", ALERTS, Map.of("actor", RUSSIA));
            JsonObject alert = alert(client.next(DEADLINE));
            assertEquals("ENTERED", alert.getString("crossing"));
            assertNull(alert.getValue("previousBand"));
            assertEquals("NEW", alert.getJsonObject("period").getString("band"));

            client.subscribe("2", "subscription { activityAlerts(groupBy: QUAD_CLASS, threshold: {bands: [STABLE]}) { crossing } }",
                    Map.of());
            JsonObject refused = client.next(DEADLINE);
            assertEquals("BAD_USER_INPUT", GraphQLWsClient.firstErrorCode(refused), refused.encode());
        }
    }

    private void awaitCounts(int n) {
        FakeEventStream.await(n + " count requests", DEADLINE, () -> events
                .countRequestsMatching(getRequestedFor(urlPathEqualTo("/stats/counts")).build()).getCount() >= n);
    }

    private static JsonObject alert(JsonObject message) {
        assertEquals("next", message.getString("type"), message.encode());
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("activityAlerts");
    }

    private static Map<String, Object> conflict(String id, String actorId) {
        Map<String, Object> e = event(id, "Material conflict", List.of(actorId));
        e.put("code", "190");
        e.put("rootCode", "19");
        e.put("quadClass", 4);
        e.put("goldstein", -10.0);
        return e;
    }

    private void stubCounts(String body) {
        events.stubFor(get(urlPathEqualTo("/stats/counts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void stubActors(String... idsAndNames) {
        List<Object> pool = new ArrayList<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            pool.add(actor(idsAndNames[i], idsAndNames[i + 1]));
        }
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(page(pool, null, pool.size())))));
    }

    private static Map<String, Object> counts(String groupBy, String from, String to, Map<?, ?>... groups) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("groupBy", groupBy);
        c.put("interval", "month");
        c.put("from", from);
        c.put("to", to);
        c.put("baselinePeriods", 12);
        c.put("groups", List.of(groups));
        return c;
    }

    private static Map<String, Object> group(String key, String label, long total, Map<?, ?>... series) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("key", key);
        g.put("label", label);
        g.put("total", total);
        g.put("series", List.of(series));
        return g;
    }

    private static Map<String, Object> period(String period, long count, double baseline, Double change, String band) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("period", period);
        p.put("count", count);
        p.put("goldsteinMean", count == 0 ? null : -5.0);
        p.put("quadCounts", List.of(Map.of("quadClass", 1, "count", 0), Map.of("quadClass", 2, "count", 0),
                Map.of("quadClass", 3, "count", 0), Map.of("quadClass", 4, "count", count)));
        p.put("baseline", baseline);
        p.put("changePercent", change);
        p.put("band", band);
        return p;
    }
}
