package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.FakeEventStream;
import org.parley.gateway.GraphQLWsClient;
import org.parley.gateway.Tokens;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * With reads closed, a WebSocket caller proves its role with the token in graphql-transport-ws's
 * connection_init payload ({"Authorization": "Bearer …"}), as browsers cannot set headers on a WebSocket.
 */
@QuarkusTest
@TestProfile(ReadsRequireRoleTest.ReadsClosed.class)
@WithTestResource(WireMockBackends.class)
@WithTestResource(FakeEventStream.class)
class WebSocketAuthTest extends LiveStreamTest {

    private static final String SUBSCRIPTION = """
            subscription Live($actor: ID!) { eventRecorded(filter: {actorIds: [$actor]}) { title } }""";

    private static JsonObject bearer(String... roles) {
        return new JsonObject().put("Authorization", "Bearer " + Tokens.withRoles(roles));
    }

    @Test
    void subscriptionWithReaderTokenInConnectionInitReceivesEvents() throws Exception {
        String putin = id("ws-auth-putin");
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql, bearer("reader"))) {
            client.subscribe("1", SUBSCRIPTION, Map.of("actor", putin));
            FakeEventStream.await("the upstream connection", DEADLINE, () -> upstream.openConnections() == 1);
            upstream.publish("RECORDED", event(id("ws-auth-event"), "Seen by a reader", List.of(putin)));
            JsonObject next = client.next(DEADLINE);
            assertEquals("next", next.getString("type"), next.encode());
            assertEquals("Seen by a reader", next.getJsonObject("payload").getJsonObject("data")
                    .getJsonObject("eventRecorded").getString("title"));
        }
    }

    @Test
    void anInvalidTokenInConnectionInitClosesTheSocketWith4403() throws Exception {
        JsonObject tampered = new JsonObject().put("Authorization", "Bearer " + Tokens.withRoles("reader") + "x");
        assertEquals(4403, GraphQLWsClient.closeCodeAfterInit(graphql, tampered, DEADLINE));
        JsonObject expired = new JsonObject().put("Authorization", "Bearer " + Tokens.expired("reader"));
        assertEquals(4403, GraphQLWsClient.closeCodeAfterInit(graphql, expired, DEADLINE));
    }

    @Test
    void subscriptionWithoutTokenIsUnauthenticated() throws Exception {
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            client.subscribe("1", SUBSCRIPTION, Map.of("actor", id("ws-anon")));
            JsonObject refused = client.next(DEADLINE);
            assertEquals("UNAUTHENTICATED", GraphQLWsClient.firstErrorCode(refused), refused.encode());
        }
    }

    @Test
    void subscriptionWithUnrelatedRoleIsForbidden() throws Exception {
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql, bearer("guest"))) {
            client.subscribe("1", SUBSCRIPTION, Map.of("actor", id("ws-guest")));
            JsonObject refused = client.next(DEADLINE);
            assertEquals("FORBIDDEN", GraphQLWsClient.firstErrorCode(refused), refused.encode());
        }
    }

    @Test
    void queryOverTheWebSocketUsesTheConnectionInitToken() throws Exception {
        String actorId = id("ws-auth-actor");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, "Readable")))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(page(List.of(), null, 0)))));
        String query = "query A($id: ID!) { actor(id: $id) { name } }";
        try (GraphQLWsClient reader = GraphQLWsClient.connect(graphql, bearer("reader"))) {
            reader.subscribe("1", query, Map.of("id", actorId));
            JsonObject answer = reader.next(DEADLINE);
            assertEquals("Readable", answer.getJsonObject("payload").getJsonObject("data").getJsonObject("actor")
                    .getString("name"), answer.encode());
        }
        try (GraphQLWsClient anonymous = GraphQLWsClient.connect(graphql)) {
            anonymous.subscribe("1", query, Map.of("id", actorId));
            assertEquals("UNAUTHENTICATED", GraphQLWsClient.firstErrorCode(anonymous.next(DEADLINE)));
        }
    }
}
