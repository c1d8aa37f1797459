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
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** eventRecorded over graphql-transport-ws, fed by one shared upstream SSE connection. */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
@WithTestResource(FakeEventStream.class)
class SubscriptionTest extends LiveStreamTest {

    private static final String SUBSCRIPTION = """
            subscription Live($actor: ID!) {
              eventRecorded(filter: {actorIds: [$actor]}) { id title participants { role actor { name } } }
            }""";

    private void stubActors(String... idsAndNames) {
        List<Object> pool = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            pool.add(actor(idsAndNames[i], idsAndNames[i + 1]));
        }
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(page(pool, null, pool.size())))));
    }

    @Test
    void recordedEventReachesTheSubscriberWithParticipantsResolved() throws Exception {
        String putin = id("sub-putin");
        String trump = id("sub-trump");
        String other = id("sub-other");
        stubActors(putin, "Vladimir Putin", trump, "Donald Trump", other, "Someone Else");
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            client.subscribe("1", SUBSCRIPTION, Map.of("actor", putin));
            FakeEventStream.await("the upstream connection", DEADLINE, () -> upstream.openConnections() == 1);

            upstream.publish("UPDATED", event(id("sub-updated"), "An update", List.of(putin, trump)));
            upstream.publish("RECORDED", event(id("sub-unrelated"), "Not about Putin", List.of(other)));
            upstream.publish("RECORDED", event(id("sub-summit"), "Alaska summit", List.of(putin, trump)));

            JsonObject next = client.next(DEADLINE);
            assertEquals("next", next.getString("type"), next.encode());
            JsonObject event = next.getJsonObject("payload").getJsonObject("data").getJsonObject("eventRecorded");
            assertEquals("Alaska summit", event.getString("title"), "filtered: only RECORDED events with Putin");
            assertEquals("Vladimir Putin", event.getJsonArray("participants").getJsonObject(0)
                    .getJsonObject("actor").getString("name"));
            assertEquals("Donald Trump", event.getJsonArray("participants").getJsonObject(1)
                    .getJsonObject("actor").getString("name"));
        }
    }

    @Test
    void subscribersShareOneUpstreamConnectionAndTheLastToLeaveReleasesIt() throws Exception {
        stubActors();
        try (GraphQLWsClient first = GraphQLWsClient.connect(graphql);
                GraphQLWsClient second = GraphQLWsClient.connect(graphql)) {
            first.subscribe("1", SUBSCRIPTION, Map.of("actor", id("a")));
            second.subscribe("1", SUBSCRIPTION, Map.of("actor", id("b")));
            FakeEventStream.await("the upstream connection", DEADLINE, () -> upstream.openConnections() == 1);
            int accepted = upstream.acceptedConnections();

            first.close();
            // The second subscriber still needs the stream.
            String b = id("b");
            stubActors(b, "B");
            upstream.publish("RECORDED", event(id("shared-1"), "Still live", List.of(b)));
            assertEquals("Still live", second.next(DEADLINE).getJsonObject("payload").getJsonObject("data")
                    .getJsonObject("eventRecorded").getString("title"));
            assertEquals(1, upstream.openConnections());
            assertEquals(accepted, upstream.acceptedConnections(), "no second upstream connection was opened");
        }
        FakeEventStream.await("the upstream connection to be released", DEADLINE,
                () -> upstream.openConnections() == 0);
    }

    @Test
    void droppedUpstreamStreamReconnects() throws Exception {
        String actorId = id("reconnect");
        stubActors(actorId, "Reconnected Actor");
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            client.subscribe("1", SUBSCRIPTION, Map.of("actor", actorId));
            FakeEventStream.await("the upstream connection", DEADLINE, () -> upstream.openConnections() == 1);
            int accepted = upstream.acceptedConnections();

            upstream.dropAll();
            FakeEventStream.await("a reconnection", DEADLINE,
                    () -> upstream.acceptedConnections() > accepted && upstream.openConnections() == 1);

            upstream.publish("RECORDED", event(id("after-drop"), "After the drop", List.of(actorId)));
            JsonObject event = client.next(DEADLINE).getJsonObject("payload").getJsonObject("data")
                    .getJsonObject("eventRecorded");
            assertEquals("After the drop", event.getString("title"));
            assertEquals("Reconnected Actor", event.getJsonArray("participants").getJsonObject(0)
                    .getJsonObject("actor").getString("name"));
        }
    }
}
