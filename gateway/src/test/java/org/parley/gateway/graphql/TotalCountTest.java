package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;
import static org.parley.gateway.Fixtures.participantEvents;
import static org.parley.gateway.Fixtures.uncountedPage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.Gql;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * events-service counts all matches (totalCount) only when asked with count=true, because counting
 * costs ~100× the page: the gateway asks only when the document selects totalCount, and pages
 * Actor.events by asking one event more than it shows.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class TotalCountTest extends StubbedBackendsTest {

    private static final String PUTIN = id("count-putin");
    private static final String TRUMP = id("count-trump");

    @BeforeEach
    void stubActors() {
        actors.stubFor(get(urlPathEqualTo("/actors/" + PUTIN)).willReturn(json200(actor(PUTIN, "Vladimir Putin"))));
        actors.stubFor(get(urlPathEqualTo("/actors/" + TRUMP)).willReturn(json200(actor(TRUMP, "Donald Trump"))));
    }

    private static ResponseDefinitionBuilder json200(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json(body));
    }

    private static List<Object> events(String prefix, int n) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(event(id(prefix + i), prefix + " " + i, List.of()));
        }
        return items;
    }

    /** GET /events as events-service answers it: counted (here: 42) only when count=true. */
    private void stubEventsCountingOnlyWhenAsked(List<Object> items) {
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("count", equalTo("true"))
                .willReturn(json200(page(items, null, 42))));
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("count", equalTo("false"))
                .willReturn(json200(uncountedPage(items, null))));
    }

    /** GET /events/by-participants for one actor: counted (here: 42) only when count=true. */
    private void stubByParticipantsCountingOnlyWhenAsked(String actorId, List<Object> items) {
        events.stubFor(get(urlPathEqualTo("/events/by-participants")).withQueryParam("count", equalTo("true"))
                .willReturn(json200(List.of(participantEvents(actorId, items, 42L)))));
        events.stubFor(get(urlPathEqualTo("/events/by-participants")).withQueryParam("count", equalTo("false"))
                .willReturn(json200(List.of(participantEvents(actorId, items, null)))));
    }

    private LoggedRequest onlyCall(String path) {
        List<LoggedRequest> calls = events.findAll(getRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, calls.size(), "calls to " + path);
        return calls.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not selected          | { events(first: 2) { edges { node { title } } } }                                          | false
            selected              | { events(first: 2) { totalCount edges { node { title } } } }                               | true
            in a fragment         | { events(first: 2) { ...Counted edges { node { title } } } } fragment Counted on EventConnection { totalCount } | true
            in an inline fragment | { events(first: 2) { ... on EventConnection { totalCount } edges { node { title } } } }   | true
            skipped               | { events(first: 2) { totalCount @skip(if: true) edges { node { title } } } }              | false
            not included          | { events(first: 2) { totalCountIsExact @include(if: false) edges { node { title } } } }   | false
            in a skipped fragment | { events(first: 2) { ...Counted @skip(if: true) edges { node { title } } } } fragment Counted on EventConnection { totalCount } | false
            in a skipped inline fragment | { events(first: 2) { ... @include(if: false) { totalCount } edges { node { title } } } } | false
            in a nested fragment  | { events(first: 2) { ... on EventConnection { ...Counted } edges { node { title } } } } fragment Counted on EventConnection { totalCount } | true
            only deeper down      | { events(first: 2) { edges { node { title } } } actor(id: "%s") { events { totalCount } } } | false
            """)
    void queryEventsCountsOnlyWhenTotalCountIsSelected(String how, String document, boolean counted) {
        stubEventsCountingOnlyWhenAsked(events("listed", 2));
        stubByParticipantsCountingOnlyWhenAsked(PUTIN, List.of());

        var answer = Gql.post(document.formatted(PUTIN))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.edges.node.title", contains("listed 0", "listed 1"));
        if (counted) {
            answer.body("data.events.totalCount", is(42));
        }
        assertEquals(String.valueOf(counted), onlyCall("/events").queryParameter("count").firstValue());
    }

    @ParameterizedTest(name = "@include(if: ${0})")
    @CsvSource({ "true", "false" })
    void aCountIncludedByAVariableIsAskedForOnlyWhenTheVariableSaysSo(boolean withTotal) {
        stubEventsCountingOnlyWhenAsked(events("listed", 2));

        Gql.post("query Page($withTotal: Boolean!) { events(first: 2) { totalCount @include(if: $withTotal) "
                + "edges { node { title } } } }", Map.of("withTotal", withTotal))
                .statusCode(200)
                .body("errors", nullValue());
        assertEquals(String.valueOf(withTotal), onlyCall("/events").queryParameter("count").firstValue());
    }

    @Test
    void aMissingCountThatWasAskedForIsAnUpstreamErrorNotAZero() {
        // An events-service that ignores count=true (or answers null anyway) must not show up as "0 events".
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(json200(uncountedPage(events("odd", 1), null))));

        Gql.post("{ events(first: 1) { totalCount edges { node { title } } } }")
                .statusCode(200)
                .body("data.events", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("events"))
                .body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.service", is("events-service"))
                .body("errors[0].message", containsString("totalCount"));
        // Not retried: asking again would get the same answer.
        events.verify(1, getRequestedFor(urlPathEqualTo("/events")));
    }

    @Test
    void aCountThatStoppedAtItsLimitSaysItIsNotExact() {
        Map<String, Object> capped = page(events("many", 2), null, 10_000);
        capped.put("totalCountIsExact", false);
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("count", equalTo("true")).willReturn(json200(capped)));

        Gql.post("{ events(first: 2) { totalCount totalCountIsExact edges { node { title } } } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.totalCount", is(10_000))
                .body("data.events.totalCountIsExact", is(false));
    }

    @Test
    void totalCountIsExactAloneAsksForTheCountAndAnOlderServiceCountsExactly() {
        // page(…, 42) carries no totalCountIsExact, as events-service before its count limit answered
        stubEventsCountingOnlyWhenAsked(events("listed", 2));
        Map<String, Object> capped = participantEvents(PUTIN, events("putin", 2), 10_000L);
        capped.put("totalCountIsExact", false);
        events.stubFor(get(urlPathEqualTo("/events/by-participants")).withQueryParam("count", equalTo("true"))
                .willReturn(json200(List.of(capped))));

        Gql.post("query Q($id: ID!) { events(first: 2) { totalCountIsExact } actor(id: $id) { events { totalCountIsExact } } }",
                Map.of("id", PUTIN))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.totalCountIsExact", is(true))
                .body("data.actor.events.totalCountIsExact", is(false));
        assertEquals("true", onlyCall("/events").queryParameter("count").firstValue());
        assertEquals("true", onlyCall("/events/by-participants").queryParameter("count").firstValue());
    }

    @Test
    void actorEventsKnowsTheNextPageFromOneEventMoreWithoutCounting() {
        // Putin has more than 2 events (3 came back for limit 3), Trump exactly 2.
        events.stubFor(get(urlPathEqualTo("/events/by-participants")).willReturn(json200(List.of(
                participantEvents(PUTIN, events("putin", 3), null),
                participantEvents(TRUMP, events("trump", 2), null)))));

        Gql.post("""
                query Two($p: ID!, $t: ID!) {
                  p: actor(id: $p) { events(first: 2) { pageInfo { hasNextPage endCursor } edges { node { title } } } }
                  t: actor(id: $t) { events(first: 2) { pageInfo { hasNextPage } edges { node { title } } } }
                }""", Map.of("p", PUTIN, "t", TRUMP))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.p.events.edges.node.title", contains("putin 0", "putin 1"))
                .body("data.p.events.pageInfo.hasNextPage", is(true))
                .body("data.t.events.edges.node.title", contains("trump 0", "trump 1"))
                .body("data.t.events.pageInfo.hasNextPage", is(false));

        // Both actors in one call (batched), asked for first + 1, not counted.
        LoggedRequest call = onlyCall("/events/by-participants");
        assertEquals("3", call.queryParameter("limit").firstValue());
        assertEquals("false", call.queryParameter("count").firstValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            selected              | { totalCount edges { node { title } } }
            in a fragment         | { ...Counted edges { node { title } } }
            in an inline fragment | { ... on EventConnection { totalCount } edges { node { title } } }
            """)
    void actorEventsCountsWhenTotalCountIsSelected(String how, String selection) {
        stubByParticipantsCountingOnlyWhenAsked(PUTIN, events("counted", 2));
        String fragment = selection.contains("...Counted") ? " fragment Counted on EventConnection { totalCount }" : "";

        Gql.post("query One($id: ID!) { actor(id: $id) { events(first: 5) " + selection + " } }" + fragment,
                Map.of("id", PUTIN))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.actor.events.totalCount", is(42))
                .body("data.actor.events.edges", hasSize(2));
        LoggedRequest call = onlyCall("/events/by-participants");
        assertEquals("true", call.queryParameter("count").firstValue());
        assertEquals("6", call.queryParameter("limit").firstValue());
    }

    @Test
    void actorEventsCountsForAllWhenAnyOccurrenceSelectsTotalCount() {
        // One by-participants call serves both actors: it counts when any of its keys selects totalCount.
        events.stubFor(get(urlPathEqualTo("/events/by-participants")).withQueryParam("count", equalTo("true"))
                .willReturn(json200(List.of(participantEvents(PUTIN, events("putin", 1), 1L),
                        participantEvents(TRUMP, events("trump", 2), 2L)))));

        Gql.post("""
                query Two($p: ID!, $t: ID!) {
                  p: actor(id: $p) { events { edges { node { title } } } }
                  t: actor(id: $t) { events { totalCount } }
                }""", Map.of("p", PUTIN, "t", TRUMP))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.p.events.edges.node.title", contains("putin 0"))
                .body("data.t.events.totalCount", is(2));
        events.verify(0, getRequestedFor(urlPathEqualTo("/events/by-participants"))
                .withQueryParam("count", equalTo("false")));
    }

    @ParameterizedTest(name = "{0} event(s), totalCount selected: {1}")
    @CsvSource({ "0, true", "1, true", "0, false", "1, false" })
    void firstZeroTellsWhetherThereIsAnyEvent(int found, boolean selectTotal) {
        // limit 1 answers at most one event: enough to know whether there is a first page to ask for.
        events.stubFor(get(urlPathEqualTo("/events/by-participants")).willReturn(json200(List.of(
                participantEvents(PUTIN, events("zero", found), selectTotal ? 7L * found : null)))));

        var answer = Gql.post("query One($id: ID!) { actor(id: $id) { events(first: 0) { "
                + (selectTotal ? "totalCount " : "") + "pageInfo { hasNextPage endCursor } edges { cursor } } } }",
                Map.of("id", PUTIN))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.actor.events.edges", hasSize(0))
                .body("data.actor.events.pageInfo.hasNextPage", is(found > 0))
                .body("data.actor.events.pageInfo.endCursor", nullValue());
        if (selectTotal) {
            answer.body("data.actor.events.totalCount", is(7 * found));
        }
        LoggedRequest call = onlyCall("/events/by-participants");
        assertEquals("1", call.queryParameter("limit").firstValue());
        assertEquals(String.valueOf(selectTotal), call.queryParameter("count").firstValue());
    }

    @ParameterizedTest(name = "totalCount selected: {0}")
    @CsvSource({ "true", "false" })
    void actorEventsPagedOnAsksToCountOnlyWhenSelected(boolean selectTotal) {
        stubByParticipantsCountingOnlyWhenAsked(PUTIN, events("later", 4));
        String after = Cursors.encode(null, 2); // as the first page's end cursor: skip 2 from the start

        var answer = Gql.post("query On($id: ID!, $after: String) { actor(id: $id) { events(first: 2, after: $after) { "
                + (selectTotal ? "totalCount " : "") + "pageInfo { hasNextPage } edges { node { title } } } } }",
                Map.of("id", PUTIN, "after", after))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.actor.events.edges.node.title", contains("later 2", "later 3"))
                .body("data.actor.events.pageInfo.hasNextPage", is(false));
        if (selectTotal) {
            answer.body("data.actor.events.totalCount", is(42));
        }
        // Such a cursor says "skip 2 from the start": by-participants answers it (2 + 2, plus one), so
        // paging on for many actors stays one call.
        LoggedRequest call = onlyCall("/events/by-participants");
        assertEquals(PUTIN, call.queryParameter("actors").firstValue());
        assertEquals("5", call.queryParameter("limit").firstValue());
        assertEquals(String.valueOf(selectTotal), call.queryParameter("count").firstValue());
    }

    @Test
    void aMissingActorCountThatWasAskedForIsAnUpstreamError() {
        events.stubFor(get(urlPathEqualTo("/events/by-participants"))
                .willReturn(json200(List.of(participantEvents(PUTIN, events("odd", 1), null)))));

        Gql.post("query One($id: ID!) { actor(id: $id) { name events { totalCount } } }", Map.of("id", PUTIN))
                .statusCode(200)
                .body("data.actor.name", is("Vladimir Putin"))
                .body("data.actor.events", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("actor", "events"))
                .body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.service", is("events-service"));
    }
}
