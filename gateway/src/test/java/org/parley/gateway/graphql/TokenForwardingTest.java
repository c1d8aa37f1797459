package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.Tokens;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The caller's own token travels with the backend calls made for its request (client/CallerToken), so the
 * services check the caller's role themselves: per request, never another caller's, none for an anonymous one.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class TokenForwardingTest extends StubbedBackendsTest {

    private static final String CREATE = """
            mutation C($name: String!) { createActor(input: {kind: PERSON, name: $name}) { id } }""";

    private void stubCreate() {
        actors.stubFor(post(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(json(actor(id("created"), "Created")))));
    }

    @Test
    void aMutationSendsTheCallersTokenToTheService() {
        stubCreate();
        String token = Tokens.withRoles("editor");
        Gql.post(CREATE, Map.of("name", "Forwarded"), token).statusCode(200).body("errors", nullValue());
        actors.verify(1, postRequestedFor(urlPathEqualTo("/actors")).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void anAnonymousReadSendsNoToken() {
        String actorId = id("anonymous-read");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, "Open")))));
        Gql.post("query A($id: ID!) { actor(id: $id) { name } }", Map.of("id", actorId))
                .statusCode(200).body("data.actor.name", is("Open"));
        actors.verify(1, getRequestedFor(urlPathEqualTo("/actors/" + actorId)).withHeader("Authorization", absent()));
    }

    @Test
    void theBatchedCallsOfANestedReadSendTheCallersToken() {
        String actorId = id("nested-read-actor");
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(json(page(List.of(event(id("nested-read-event"), "Met", List.of(actorId))), null, 1)))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", equalTo(actorId)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(json(page(List.of(actor(actorId, "Nested")), null, 1)))));
        String token = Tokens.withRoles("reader");
        Gql.post("{ events(first: 1) { edges { node { participants { actor { name } } } } } }", Map.of(), token)
                .statusCode(200).body("errors", nullValue())
                .body("data.events.edges[0].node.participants[0].actor.name", is("Nested"));
        // Participant.actor is answered by a loader (graphql/LoaderFetchers) in its own event-loop task.
        actors.verify(1, getRequestedFor(urlPathEqualTo("/actors")).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void noOtherHeaderOfTheCallerReachesTheServices() {
        // The REST client's filter asks CDI for the inbound request's headers on every call; the gateway answers
        // "none" (client/NoInboundHeaders: a cached lookup instead of ArC's scan of its removed beans, per call).
        var inbound = Arc.container().instance(HttpHeaders.class);
        assertTrue(inbound.isAvailable());
        assertTrue(inbound.get().getRequestHeaders().isEmpty());
        String actorId = id("no-inbound-headers");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, "Plain")))));
        String token = Tokens.withRoles("reader");
        given().contentType("application/json").header("Authorization", "Bearer " + token)
                .header("X-Caller-Secret", "not for the services").header("Cookie", "session=abc")
                .body(Map.of("query", "query A($id: ID!) { actor(id: $id) { name } }", "variables", Map.of("id", actorId)))
                .post("/graphql").then().statusCode(200).body("data.actor.name", is("Plain"));
        actors.verify(1, getRequestedFor(urlPathEqualTo("/actors/" + actorId))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Caller-Secret", absent()).withHeader("Cookie", absent()));
    }

    @Test
    void concurrentCallersEachSendTheirOwnToken() throws Exception {
        stubCreate();
        Map<String, String> tokens = Map.of("alice", Tokens.forUser("alice@parley", "editor"),
                "bob", Tokens.forUser("bob@parley", "editor"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String user = i % 2 == 0 ? "alice" : "bob";
                String name = user + "-" + i;
                calls.add(pool.submit(() -> Gql.post(CREATE, Map.of("name", name), tokens.get(user))
                        .statusCode(200).body("errors", nullValue())));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<LoggedRequest> writes = actors.findAll(postRequestedFor(urlPathEqualTo("/actors")));
        assertEquals(40, writes.size());
        for (LoggedRequest write : writes) {
            String user = write.getBodyAsString().contains("\"alice-") ? "alice" : "bob";
            assertEquals("Bearer " + tokens.get(user), write.getHeader("Authorization"), write.getBodyAsString());
        }
    }
}
