package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
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

/** Mutations need role editor; queries are open by default (see ReadsRequireRoleTest for the switch). */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class SecurityTest extends StubbedBackendsTest {

    private static final String CREATE = """
            mutation { createActor(input: {kind: PERSON, name: "Steve Witkoff", aliases: ["Witkoff"], country: "USA"}) { id name } }""";

    @Test
    void mutationWithoutTokenIsUnauthenticatedAndWritesNothing() {
        Gql.post(CREATE)
                .statusCode(200)
                .body("data.createActor", nullValue())
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"))
                .body("errors[0].path[0]", is("createActor"));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * A token that does not verify is refused before GraphQL runs, for any operation: HTTP 401 with
     * WWW-Authenticate: Bearer error="invalid_token" and a GraphQL body whose error says UNAUTHENTICATED, so
     * the client knows to get a new token rather than silently reading anonymously.
     */
    @Test
    void aTokenThatDoesNotVerifyIs401WithAGraphQLError() {
        for (String bad : List.of("not.a.jwt", Tokens.withRoles("editor") + "x", Tokens.expired("editor"),
                Tokens.forAudience("someone-else", "editor"))) {
            Gql.post(CREATE, Map.of(), bad)
                    .statusCode(401)
                    .header("WWW-Authenticate", is("Bearer error=\"invalid_token\""))
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", is("UNAUTHENTICATED"))
                    .body("errors[0].message", is("The bearer token is invalid or expired"));
            Gql.post("{ __typename }", Map.of(), bad).statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        }
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void mutationWithoutEditorRoleIsForbidden() {
        Gql.post(CREATE, Map.of(), Tokens.withRoles("reader"))
                .statusCode(200)
                .body("errors[0].extensions.code", is("FORBIDDEN"))
                .body("errors[0].message", containsString("editor"));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void editorCreatesAnActorWithTheRestBody() {
        String created = id("witkoff");
        actors.stubFor(post(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(json(actor(created, "Steve Witkoff")))));

        Gql.post(CREATE, Map.of(), Tokens.withRoles("editor"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.createActor.id", is(created))
                .body("data.createActor.name", is("Steve Witkoff"));
        actors.verify(1, postRequestedFor(urlPathEqualTo("/actors")).withRequestBody(equalToJson("""
                {"kind":"PERSON","name":"Steve Witkoff","aliases":["Witkoff"],"country":"USA"}""")));
    }

    @Test
    void updateCarriesTheVersion() {
        String actorId = id("versioned");
        actors.stubFor(put(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, "Renamed")))));

        Gql.post("mutation U($id: ID!) { updateActor(id: $id, version: 7, input: {kind: STATE, name: \"Renamed\"}) { name } }",
                Map.of("id", actorId), Tokens.withRoles("editor"))
                .statusCode(200)
                .body("data.updateActor.name", is("Renamed"));
        actors.verify(1, putRequestedFor(urlPathEqualTo("/actors/" + actorId))
                .withRequestBody(equalToJson("{\"kind\":\"STATE\",\"name\":\"Renamed\",\"version\":7}")));
    }

    @Test
    void recordEventRejectsUnknownParticipantsBeforeWriting() {
        String known = id("known-participant");
        String unknown = id("unknown-participant");
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(page(List.of(actor(known, "Known")), null, 1)))));

        Gql.post("""
                mutation R($a: ID!, $b: ID!) {
                  recordEvent(input: {title: "Talks", code: "043", status: OCCURRED, start: "2025-08-15",
                    participants: [{actorId: $a, role: SOURCE}, {actorId: $b, role: TARGET}]}) { id }
                }""", Map.of("a", known, "b", unknown), Tokens.withRoles("editor"))
                .statusCode(200)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString(unknown))
                .body("errors[0].extensions.violations[0].field", is("input.participants.actorId"));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void editorRecordsAnEventWithResolvedParticipants() {
        String a = id("rec-a");
        String b = id("rec-b");
        String eventId = id("rec-event");
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(page(List.of(actor(a, "A"), actor(b, "B")), null, 2)))));
        events.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(json(event(eventId, "Talks", List.of(a, b))))));

        Gql.post("""
                mutation R($a: ID!, $b: ID!) {
                  recordEvent(input: {title: "Talks", code: "043", status: OCCURRED, start: "2025-08-15",
                    participants: [{actorId: $a, role: SOURCE}, {actorId: $b, role: TARGET}]}) {
                    id participants { role actor { name } }
                  }
                }""", Map.of("a", a, "b", b), Tokens.withRoles("editor"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.recordEvent.id", is(eventId))
                .body("data.recordEvent.participants[1].actor.name", is("B"));
        events.verify(1, postRequestedFor(urlPathEqualTo("/events")).withRequestBody(equalToJson("""
                {"title":"Talks","code":"043","status":"OCCURRED","start":"2025-08-15",
                 "participants":[{"actorId":"%s","role":"SOURCE"},{"actorId":"%s","role":"TARGET"}]}""".formatted(a, b))));
    }

    @Test
    void queriesAreOpenWithoutToken() {
        String actorId = id("open-read");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, "Open")))));

        Gql.post("query A($id: ID!) { actor(id: $id) { name } }", Map.of("id", actorId))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.actor.name", is("Open"));
    }
}
