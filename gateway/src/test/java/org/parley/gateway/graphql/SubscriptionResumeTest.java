package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.FakeEventStream;
import org.parley.gateway.GraphQLWsClient;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Live updates without gaps: the shared upstream stream resumes after a drop or a stall with
 * Last-Event-ID, subscribers get every change once, and a gap that cannot be replayed reaches them
 * as RESYNC_REQUIRED.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
@WithTestResource(FakeEventStream.class)
class SubscriptionResumeTest extends LiveStreamTest {

    private static final String SUBSCRIPTION = """
            subscription Live($actor: ID!) {
              eventRecorded(filter: {actorIds: [$actor]}) { id title }
            }""";

    private String subscribedActor(GraphQLWsClient client) {
        String actorId = id("resume-actor");
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(page(List.of(actor(actorId, "Resumed Actor")), null, 1)))));
        client.subscribe("1", SUBSCRIPTION, Map.of("actor", actorId));
        FakeEventStream.await("the upstream connection", DEADLINE, () -> upstream.openConnections() == 1);
        return actorId;
    }

    private long publish(String actorId, String title) {
        return upstream.publish("RECORDED", event(id(title), title, List.of(actorId)));
    }

    private static String nextTitle(GraphQLWsClient client) throws InterruptedException {
        JsonObject next = client.next(DEADLINE);
        assertEquals("next", next.getString("type"), next.encode());
        return next.getJsonObject("payload").getJsonObject("data").getJsonObject("eventRecorded").getString("title");
    }

    @Test
    void resumesAfterADroppedUpstreamWithLastEventIdAndNoRepeats() throws Exception {
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            String actorId = subscribedActor(client);
            long first = publish(actorId, "Before the drop");
            assertEquals("Before the drop", nextTitle(client));
            int accepted = upstream.acceptedConnections();

            // events-service restarts: down for a while, changes committed meanwhile
            upstream.refuseConnections(true);
            upstream.dropAll();
            publish(actorId, "During the outage 1");
            publish(actorId, "During the outage 2");
            upstream.refuseConnections(false);
            FakeEventStream.await("a resumed connection", DEADLINE,
                    () -> upstream.acceptedConnections() > accepted && upstream.openConnections() == 1);
            List<String> ids = upstream.lastEventIds();
            long resumedAfter = Long.parseLong(ids.get(ids.size() - 1));
            assertEquals(first, resumedAfter, "resumed after the last change received: " + ids);

            assertEquals("During the outage 1", nextTitle(client));
            assertEquals("During the outage 2", nextTitle(client));
            publish(actorId, "After the outage");
            assertEquals("After the outage", nextTitle(client), "live again, nothing repeated");
        }
    }

    @Test
    void detectsASilentUpstreamAndResumes() throws Exception {
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            String actorId = subscribedActor(client);
            int accepted = upstream.acceptedConnections();
            // the connection stays open but nothing comes through any more (half-open)
            upstream.stallAll();
            publish(actorId, "Sent into the void");
            FakeEventStream.await("a new connection after the idle timeout", DEADLINE,
                    () -> upstream.acceptedConnections() > accepted && upstream.openConnections() == 1);
            assertEquals("Sent into the void", nextTitle(client), "replayed on the new connection");
            publish(actorId, "Live again");
            assertEquals("Live again", nextTitle(client));
        }
    }

    @Test
    void aGapThatCannotBeReplayedEndsTheSubscriptionWithResyncRequired() throws Exception {
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            String actorId = subscribedActor(client);
            publish(actorId, "Seen");
            assertEquals("Seen", nextTitle(client));

            upstream.refuseConnections(true);
            upstream.dropAll();
            publish(actorId, "Lost for good");
            upstream.purgeAll();
            upstream.refuseConnections(false);

            JsonObject message = client.next(DEADLINE);
            assertEquals("RESYNC_REQUIRED", GraphQLWsClient.firstErrorCode(message), message.encode());
            // the subscription has ended: no message for the lost change, nor for later ones
            publish(actorId, "After the reset");
            assertThrows(AssertionError.class, () -> nonCompleteMessage(client));
        }
    }

    /** The next message that is not the subscription's "complete". */
    private static JsonObject nonCompleteMessage(GraphQLWsClient client) throws InterruptedException {
        JsonObject message = client.next(Duration.ofSeconds(2));
        return "complete".equals(message.getString("type")) ? client.next(Duration.ofSeconds(2)) : message;
    }
}
