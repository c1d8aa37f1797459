package org.parley.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.gateway.Fixtures;
import org.parley.gateway.GraphQLWsClient;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * A front end's journey over the three real services (started by {@link E2eServices}): search an actor,
 * page through their events with participants, open a dyad trend, record an event with a token and
 * receive it on a subscription. Each test creates its own data (unique aliases).
 */
@ExtendWith(E2eServices.class)
class FrontEndJourneyIT {

    private static ValidatableResponse post(String query, Map<String, Object> variables, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().baseUri(E2eServices.services().gatewayUrl()).contentType(ContentType.JSON)
                .accept(ContentType.JSON).body(Fixtures.json(body));
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().statusCode(200);
    }

    /** A query or mutation that must succeed completely. */
    private static JsonPath ok(String query, Map<String, Object> variables, String token) {
        return post(query, variables, token).body("errors", nullValue()).extract().jsonPath();
    }

    private static String editorToken() {
        return E2eServices.services().token("editor");
    }

    private static String createActor(String token, String kind, String name, String alias, String country) {
        return ok("""
                mutation Create($input: ActorInput!) { createActor(input: $input) { id name version } }""",
                Map.of("input", Map.of("kind", kind, "name", name, "aliases", List.of(alias), "country", country)),
                token).getString("data.createActor.id");
    }

    private static String recordEvent(String token, String title, String code, String start, String locationId,
            List<Map<String, Object>> participants) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("title", title);
        input.put("code", code);
        input.put("status", "OCCURRED");
        input.put("start", start);
        input.put("participants", participants);
        if (locationId != null) {
            input.put("locationId", locationId);
        }
        return ok("mutation Record($input: EventInput!) { recordEvent(input: $input) { id version } }",
                Map.of("input", input), token).getString("data.recordEvent.id");
    }

    private static Map<String, Object> participant(String actorId, String role) {
        return Map.of("actorId", actorId, "role", role);
    }

    @Test
    void searchesAnActorPagesTheirEventsAndOpensADyadTrend() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String token = editorToken();
        String putin = createActor(token, "PERSON", "Vladimir Putin", "putin-" + run, "RUS");
        String trump = createActor(token, "PERSON", "Donald Trump", "trump-" + run, "USA");
        String ukraine = createActor(token, "STATE", "Ukraine", "ukraine-" + run, "UKR");
        // Places belong to events-service and have no mutation in the schema: created over its REST API.
        String anchorage = given().baseUri(E2eServices.services().eventsUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("name", "Anchorage " + run, "kind", "CITY", "countryCode", "USA"))
                .post("/places").then().statusCode(201).extract().path("id");
        recordEvent(token, "Putin and Trump meet in Alaska " + run, "044", "2025-08-15", anchorage,
                List.of(participant(trump, "HOST"), participant(putin, "ATTENDEE")));
        recordEvent(token, "Trump and Putin talk by phone " + run, "040", "2025-10-16", null,
                List.of(participant(trump, "SOURCE"), participant(putin, "TARGET")));
        recordEvent(token, "Putin demands Ukrainian withdrawal from Donbas " + run, "106", "2025-11-27", null,
                List.of(participant(putin, "SOURCE"), participant(ukraine, "TARGET")));

        // 1. search
        post("""
                query Search($text: String) { actors(filter: {text: $text}) { totalCount edges { node { id name } } } }""",
                Map.of("text", "PUTIN-" + run), null)
                .body("errors", nullValue())
                .body("data.actors.totalCount", is(1))
                .body("data.actors.edges[0].node.id", is(putin))
                .body("data.actors.edges[0].node.name", is("Vladimir Putin"));

        // 2. the actor's page with their latest events, participants resolved
        String journey = """
                query Journey($id: ID!) {
                  actor(id: $id) {
                    name
                    events(first: 2) {
                      totalCount
                      edges { node { title start type { name quadClass } participants { role actor { name } } } }
                    }
                  }
                }""";
        JsonPath actorPage = ok(journey, Map.of("id", putin), null);
        System.out.println("E2E example answer: " + actorPage.prettify());
        assertEquals(3, actorPage.getInt("data.actor.events.totalCount"));
        assertEquals(List.of("Putin demands Ukrainian withdrawal from Donbas " + run,
                "Trump and Putin talk by phone " + run), actorPage.getList("data.actor.events.edges.node.title"));
        assertEquals(List.of("Vladimir Putin", "Ukraine"),
                actorPage.getList("data.actor.events.edges[0].node.participants.actor.name"));
        assertEquals(3, actorPage.getInt("data.actor.events.edges[0].node.type.quadClass"));

        // 3. page through all their events with Relay cursors
        String page = """
                query Page($id: ID!, $after: String) {
                  events(filter: {actorIds: [$id]}, first: 2, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor }
                    edges { node { title location { name } participants { role actor { name } } } }
                  }
                }""";
        JsonPath first = ok(page, Map.of("id", putin), null);
        assertEquals(3, first.getInt("data.events.totalCount"));
        assertTrue(first.getBoolean("data.events.pageInfo.hasNextPage"));
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("id", putin);
        next.put("after", first.getString("data.events.pageInfo.endCursor"));
        post(page, next, null)
                .body("errors", nullValue())
                .body("data.events.pageInfo.hasNextPage", is(false))
                .body("data.events.edges", hasSize(1))
                .body("data.events.edges[0].node.title", is("Putin and Trump meet in Alaska " + run))
                .body("data.events.edges[0].node.location.name", is("Anchorage " + run))
                .body("data.events.edges[0].node.participants.actor.name", contains("Donald Trump", "Vladimir Putin"));

        // 4. the dyad trend
        post("""
                query Trend($a: ID!, $b: ID!) {
                  dyad(a: $a, b: $b, interval: MONTH) {
                    a { name } b { name }
                    series { period count goldsteinMean quadCounts { quadClass count } }
                  }
                }""", Map.of("a", putin, "b", trump), null)
                .body("errors", nullValue())
                .body("data.dyad.a.name", is("Vladimir Putin"))
                .body("data.dyad.b.name", is("Donald Trump"))
                .body("data.dyad.series.findAll { it.count > 0 }.period", contains("2025-08-01", "2025-10-01"))
                .body("data.dyad.series.findAll { it.count > 0 }.count", contains(1, 1));
    }

    @Test
    void recordedEventReachesASubscriberWithParticipantsResolved() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String token = editorToken();
        String witkoff = createActor(token, "PERSON", "Steve Witkoff", "witkoff-" + run, "USA");
        String dmitriev = createActor(token, "PERSON", "Kirill Dmitriev", "dmitriev-" + run, "RUS");
        URI graphql = URI.create(E2eServices.services().gatewayUrl() + "/graphql");

        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            client.subscribe("1", """
                    subscription Live($actor: ID!) {
                      eventRecorded(filter: {actorIds: [$actor]}) { id title participants { role actor { name } } }
                    }""", Map.of("actor", witkoff));
            // The gateway opens its upstream stream on this first subscription; until it is connected a
            // recorded event is not seen. Record, wait a little for it, record again: bounded attempts.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonObject received = null;
            for (int attempt = 0; received == null && System.nanoTime() < deadline; attempt++) {
                String title = "Witkoff meets Dmitriev " + run + " #" + attempt;
                recordEvent(token, title, "043", "2025-10-24", null,
                        List.of(participant(witkoff, "HOST"), participant(dmitriev, "ATTENDEE")));
                try {
                    JsonObject message = client.next(Duration.ofSeconds(3));
                    assertEquals("next", message.getString("type"), message.encode());
                    received = message.getJsonObject("payload").getJsonObject("data").getJsonObject("eventRecorded");
                } catch (AssertionError notYet) {
                    // the stream was not connected yet: try again
                }
            }
            assertTrue(received != null, "no event reached the subscriber within 60 s");
            assertTrue(received.getString("title").startsWith("Witkoff meets Dmitriev " + run), received.encode());
            assertEquals("Steve Witkoff", received.getJsonArray("participants").getJsonObject(0)
                    .getJsonObject("actor").getString("name"));
            assertEquals("Kirill Dmitriev", received.getJsonArray("participants").getJsonObject(1)
                    .getJsonObject("actor").getString("name"));
        }
    }

    @Test
    void writesNeedAnEditorTokenAndStaleVersionsConflict() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        post("mutation { createActor(input: {kind: PERSON, name: \"Nobody\"}) { id } }", Map.of(), null)
                .body("data.createActor", nullValue())
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));

        String token = editorToken();
        String id = createActor(token, "PERSON", "Jared Kushner", "kushner-" + run, "USA");
        String update = """
                mutation U($id: ID!, $v: Int!) {
                  updateActor(id: $id, version: $v, input: {kind: PERSON, name: "Jared Kushner", country: "USA"}) { version }
                }""";
        post(update, Map.of("id", id, "v", 0), token).body("errors", nullValue())
                .body("data.updateActor.version", is(1));
        post(update, Map.of("id", id, "v", 0), token)
                .body("data.updateActor", nullValue())
                .body("errors[0].extensions.code", is("CONFLICT"))
                .body("errors[0].extensions.service", is("actors-service"))
                .body("errors[0].message", notNullValue());
    }
}
