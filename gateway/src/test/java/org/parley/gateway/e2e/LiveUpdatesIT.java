package org.parley.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.gateway.GraphQLWsClient;

import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

/**
 * Issue 15 over the real jars: a GraphQL subscriber keeps receiving across an events-service
 * restart, with the changes committed while it was down delivered once, in order, and nothing
 * repeated.
 */
@ExtendWith(E2eServices.class)
class LiveUpdatesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final String SUBSCRIPTION = """
            subscription Live($actor: ID!) {
              eventChanged(filter: {actorIds: [$actor]}) { id title }
            }""";

    private static String record(String title, String actorId) {
        return given().baseUri(E2eServices.services().eventsUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + E2eServices.services().token("editor"))
                .body(Map.of("title", title, "code", "042", "status", "OCCURRED", "start", "2025-11-26",
                        "participants", List.of(Map.of("actorId", actorId, "role", "SOURCE"))))
                .post("/events").then().statusCode(201).extract().path("id");
    }

    private static String nextTitle(GraphQLWsClient client, Duration deadline) throws InterruptedException {
        JsonObject next = client.next(deadline);
        assertEquals("next", next.getString("type"), next.encode());
        return next.getJsonObject("payload").getJsonObject("data").getJsonObject("eventChanged").getString("title");
    }

    /** What another replica's write looks like while this one is down: the row and its logged change. */
    private static void renameElsewhere(String eventId, String title) {
        try (Connection db = DriverManager.getConnection(E2eServices.jdbcUrl(E2eServices.eventsDb()),
                E2eServices.dbUser(), E2eServices.dbPassword())) {
            db.setAutoCommit(false);
            try (PreparedStatement update = db.prepareStatement("update event set title = ?, version = version + 1 where id = ?");
                    PreparedStatement log = db.prepareStatement("select record_event_changes('UPDATED', array[?::uuid])")) {
                update.setString(1, title);
                update.setObject(2, UUID.fromString(eventId));
                update.executeUpdate();
                log.setString(1, eventId);
                log.execute();
            }
            db.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSubscriberMissesNothingAndGetsNothingTwiceAcrossAnEventsServiceRestart() throws Exception {
        String actor = UUID.randomUUID().toString();
        try (GraphQLWsClient client = GraphQLWsClient.connect(URI.create(E2eServices.services().gatewayUrl() + "/graphql"))) {
            client.subscribe("1", SUBSCRIPTION, Map.of("actor", actor));
            // the subscription goes live once the gateway's upstream stream is open: record until one arrives
            // (older warm-ups that arrive late come before the last one: the stream is in seq order)
            String warmup = null;
            for (int attempt = 0; warmup == null; attempt++) {
                String title = "warm-up " + attempt;
                String eventId = record(title, actor);
                try {
                    while (!title.equals(nextTitle(client, Duration.ofSeconds(2)))) {
                        // an earlier warm-up, delivered late
                    }
                    warmup = eventId;
                } catch (AssertionError notYet) {
                    if (attempt > 20) {
                        throw notYet;
                    }
                }
            }
            String first = warmup;
            String second = record("second", actor);
            assertEquals("second", nextTitle(client, DEADLINE));

            // a change's payload is its event as read when it is sent: rename two events, one change each
            E2eServices.restartEventsService(() -> {
                renameElsewhere(first, "renamed while events-service was down 1");
                renameElsewhere(second, "renamed while events-service was down 2");
            });
            record("recorded after the restart", actor);

            assertEquals("renamed while events-service was down 1", nextTitle(client, DEADLINE));
            assertEquals("renamed while events-service was down 2", nextTitle(client, DEADLINE));
            assertEquals("recorded after the restart", nextTitle(client, DEADLINE));
            record("and live again", actor);
            assertEquals("and live again", nextTitle(client, DEADLINE), "nothing repeated");
        }
    }
}
