package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.Tokens;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A failing backend nulls only what depends on it; errors are typed and never leak internals. */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class FailureTest extends StubbedBackendsTest {

    private static final String PAGE_WITH_ACTORS = """
            { events(first: 10) { totalCount edges { node { title participants { role actor { name } } } } } }""";

    private void stubThreeEventsWithTwoParticipantsEach() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(event(id("fail-event-" + i), "event " + i, List.of(id("fail-a-" + i), id("fail-b-" + i))));
        }
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(json200(page(items, null, 3))));
    }

    private static ResponseDefinitionBuilder json200(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json(body));
    }

    private static ResponseDefinitionBuilder problem(int status, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody(json(Map.of("type", "about:blank", "title", "Problem", "status", status, "detail", detail,
                        "violations", List.of(Map.of("field", "country", "message", "must be ISO 3166-1 alpha-3")))));
    }

    @Test
    void deadActorsServiceStillReturnsEventsWithNullActorsAndOneErrorPerBatch() {
        stubThreeEventsWithTwoParticipantsEach();
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String body = Gql.post(PAGE_WITH_ACTORS)
                .statusCode(200)
                .body("data.events.totalCount", is(3))
                .body("data.events.edges", hasSize(3))
                .body("data.events.edges.node.title", contains("event 0", "event 1", "event 2"))
                .body("data.events.edges.node.participants.flatten().actor", everyItem(nullValue()))
                .body("data.events.edges.node.participants.flatten().role", everyItem(org.hamcrest.Matchers.oneOf("SOURCE", "TARGET")))
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("events", "edges", 0, "node", "participants", 0, "actor"))
                .body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.service", is("actors-service"))
                .body("errors[0].extensions.retryable", is(true))
                .body("errors[0].extensions", not(hasKey("exception")))
                .extract().asString();
        assertNoInternals(body);
    }

    @Test
    void slowActorsServiceDoesNotStallTheEvents() {
        stubThreeEventsWithTwoParticipantsEach();
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(json200(page(List.of(), null, 0))
                .withFixedDelay(5_000)));

        Gql.post(PAGE_WITH_ACTORS)
                .time(lessThan(4_000L))
                .statusCode(200)
                .body("data.events.edges", hasSize(3))
                .body("errors", hasSize(1))
                .body("errors[0].message", containsString("did not answer in time"))
                .body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.retryable", is(true));
    }

    @Test
    void failingActorsServiceIsRetriedOnceForReads() {
        stubThreeEventsWithTwoParticipantsEach();
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(503)));

        Gql.post(PAGE_WITH_ACTORS).statusCode(200).body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"));

        actors.verify(2, getRequestedFor(urlPathEqualTo("/actors")));
    }

    @Test
    void deadEventsServiceNullsTheRootFieldOnly() {
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(500).withBody("boom")));
        String actorId = id("still-here");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(json200(actor(actorId, "Still Here"))));

        String body = Gql.post("query Two($id: ID!) { actor(id: $id) { name } events { totalCount } }",
                Map.of("id", actorId))
                .statusCode(200)
                .body("data.actor.name", is("Still Here"))
                .body("data.events", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("events"))
                .body("errors[0].extensions.service", is("events-service"))
                .body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertFalse(body.contains("boom"), "backend bodies stay inside: " + body);
    }

    @Test
    void unknownActorIsNullWithoutError() {
        String missing = id("missing-actor");
        actors.stubFor(get(urlPathEqualTo("/actors/" + missing)).willReturn(problem(404, "no actor " + missing)));

        Gql.post("query One($id: ID!) { actor(id: $id) { name } }", Map.of("id", missing))
                .statusCode(200)
                .body("data.actor", nullValue())
                .body("errors", nullValue());
    }

    @Test
    void backendValidationErrorBecomesBadUserInputWithItsDetail() {
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(problem(400, "country must be ISO 3166-1 alpha-3")));

        Gql.post("{ actors(filter: {country: \"XX\"}) { totalCount } }")
                .statusCode(200)
                .body("data.actors", nullValue())
                .body("errors[0].message", is("country must be ISO 3166-1 alpha-3"))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].extensions.service", is("actors-service"))
                .body("errors[0].extensions.retryable", is(false))
                .body("errors[0].extensions.violations[0].field", is("country"));
        actors.verify(1, getRequestedFor(urlPathEqualTo("/actors")));
    }

    @Test
    void staleVersionBecomesConflictWithTheBackendDetail() {
        String actorId = id("stale");
        actors.stubFor(put(urlPathEqualTo("/actors/" + actorId))
                .willReturn(problem(409, "actor " + actorId + " is at version 4, not 3")));

        Gql.post("""
                mutation Stale($id: ID!) {
                  updateActor(id: $id, version: 3, input: {kind: PERSON, name: "Someone"}) { version }
                }""", Map.of("id", actorId), Tokens.withRoles("editor"))
                .statusCode(200)
                .body("data.updateActor", nullValue())
                .body("errors[0].extensions.code", is("CONFLICT"))
                .body("errors[0].message", containsString("version 4, not 3"));
    }

    @Test
    void unreadableBackendAnswerIsUpstreamUnavailableWithoutInternals() {
        events.stubFor(get(urlPathMatching("/events/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{not json")));

        String body = Gql.post("query One($id: ID!) { event(id: $id) { title } }", Map.of("id", id("garbage")))
                .statusCode(200)
                .body("data.event", nullValue())
                .body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertNoInternals(body);
    }

    private static void assertNoInternals(String body) {
        assertFalse(body.matches("(?s).*\\b(java|javax|jakarta|org|io|com)\\.[a-z]+\\..*"),
                "no class names in: " + body);
        assertFalse(body.contains("Exception"), "no exception names in: " + body);
        assertFalse(body.contains("\tat "), "no stack traces in: " + body);
    }
}
