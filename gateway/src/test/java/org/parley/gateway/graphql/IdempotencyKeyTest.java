package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.Tokens;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The creating mutations' idempotencyKey argument becomes the services' Idempotency-Key header. */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class IdempotencyKeyTest extends StubbedBackendsTest {

    private static final String CREATE = """
            mutation C($key: String) {
              createActor(input: {kind: PERSON, name: "Steve Witkoff"}, idempotencyKey: $key) { id name version }
            }""";

    @Test
    void createActorSendsTheKeyAsIdempotencyKeyHeader() {
        String created = id("keyed-actor");
        actors.stubFor(post(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(json(actor(created, "Steve Witkoff")))));

        Gql.post(CREATE, Map.of("key", "create-witkoff-1"), Tokens.withRoles("editor"))
                .statusCode(200).body("errors", nullValue()).body("data.createActor.id", is(created));
        actors.verify(1, postRequestedFor(urlPathEqualTo("/actors"))
                .withHeader("Idempotency-Key", equalTo("create-witkoff-1")));
    }

    @Test
    void withoutAKeyNoHeaderIsSent() {
        actors.stubFor(post(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(json(actor(id("unkeyed"), "Steve Witkoff")))));

        Gql.post(CREATE, Map.of(), Tokens.withRoles("editor")).statusCode(200).body("errors", nullValue());
        actors.verify(1, postRequestedFor(urlPathEqualTo("/actors")).withHeader("Idempotency-Key", absent()));
    }

    @Test
    void aReplayedAnswerLooksExactlyLikeTheFirst() {
        String created = id("replayed-actor");
        String body = json(actor(created, "Steve Witkoff"));
        actors.stubFor(post(urlPathEqualTo("/actors")).inScenario("replay").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body))
                .willSetStateTo("answered"));
        actors.stubFor(post(urlPathEqualTo("/actors")).inScenario("replay").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Idempotent-Replayed", "true").withBody(body)));

        String first = Gql.post(CREATE, Map.of("key", "k-replay"), Tokens.withRoles("editor"))
                .statusCode(200).extract().asString();
        String retry = Gql.post(CREATE, Map.of("key", "k-replay"), Tokens.withRoles("editor"))
                .statusCode(200).extract().asString();
        assertEquals(first, retry);
    }

    @Test
    void everyCreatingMutationForwardsItsKey() {
        String from = id("rel-from");
        String to = id("rel-to");
        String eventId = id("keyed-event");
        actors.stubFor(post(urlPathEqualTo("/actors/" + from + "/relationships")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(json(Map.of("id", id("rel"),
                        "type", "REPRESENTS", "fromId", from, "toId", to)))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(page(List.of(actor(from, "From")), null, 1)))));
        String eventJson = json(event(eventId, "Talks", List.of()));
        for (String path : List.of("/events", "/events/" + eventId + "/sources", "/events/" + eventId + "/related")) {
            events.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json").withBody(eventJson)));
        }

        Gql.post("""
                mutation M($from: ID!, $to: ID!, $event: ID!) {
                  addRelationship(actorId: $from, input: {type: REPRESENTS, toId: $to}, idempotencyKey: "k-rel") { id }
                  recordEvent(input: {title: "Talks", code: "043", status: OCCURRED, start: "2025-08-15"},
                    idempotencyKey: "k-event") { id }
                  addSource(eventId: $event, input: {url: "https://example.org/a"}, idempotencyKey: "k-source") { id }
                  linkEvents(eventId: $event, kind: FOLLOWS, relatedEventId: $event, idempotencyKey: "k-link") { id }
                }""", Map.of("from", from, "to", to, "event", eventId), Tokens.withRoles("editor"))
                .statusCode(200).body("errors", nullValue());
        actors.verify(1, postRequestedFor(urlPathEqualTo("/actors/" + from + "/relationships"))
                .withHeader("Idempotency-Key", equalTo("k-rel")));
        events.verify(1, postRequestedFor(urlPathEqualTo("/events")).withHeader("Idempotency-Key", equalTo("k-event")));
        events.verify(1, postRequestedFor(urlPathEqualTo("/events/" + eventId + "/sources"))
                .withHeader("Idempotency-Key", equalTo("k-source")));
        events.verify(1, postRequestedFor(urlPathEqualTo("/events/" + eventId + "/related"))
                .withHeader("Idempotency-Key", equalTo("k-link")));
    }

    @Test
    void anUnavailableBackendWithoutAKeyWarnsThatARetryMayDuplicate() {
        actors.stubFor(post(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(503)));

        Gql.post(CREATE, Map.of(), Tokens.withRoles("editor"))
                .statusCode(200)
                .body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.retryable", is(true))
                .body("errors[0].extensions.mayDuplicate", is(true))
                .body("errors[0].message", containsString("without an idempotencyKey may apply it twice"));
    }

    @Test
    void anUnavailableBackendWithAKeyIsSafeToRetry() {
        actors.stubFor(post(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(503)));

        Gql.post(CREATE, Map.of("key", "k-safe"), Tokens.withRoles("editor"))
                .statusCode(200)
                .body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.retryable", is(true))
                .body("errors[0].extensions", not(hasKey("mayDuplicate")))
                .body("errors[0].message", not(containsString("idempotencyKey")));
    }
}
