package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.GraphQLWsClient;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * {@code parley.gateway.trusted-documents.mode=trusted-only}: the manifests' documents run (by hash, or by their
 * exact text), anything else is refused with PERSISTED_QUERY_NOT_IN_LIST before any parse or backend call, on
 * every transport (POST JSON, POST application/graphql, GET, the WebSocket), and nothing is registered by APQ.
 * (The profile also sets a positive {@code parley.gateway.http-cache.max-age}.)
 */
@QuarkusTest
@TestProfile(TrustedOnlyTest.TrustedOnly.class)
@WithTestResource(WireMockBackends.class)
class TrustedOnlyTest extends PersistedDocumentsHarness {

    public static class TrustedOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.gateway.trusted-documents.dir", "src/test/resources/trusted-documents",
                    "parley.gateway.trusted-documents.mode", "trusted-only",
                    "parley.gateway.http-cache.max-age", "PT30S");
        }
    }

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String ARBITRARY = "query Arbitrary($id: ID!) { actor(id: $id) { name description } }";

    @Test
    void manifestDocumentsRunByHashOrByTheirExactText() {
        String actorId = stubActor("Trusted Putin");
        postJson(byHash(ACTOR_NAME, Map.of("id", actorId))).statusCode(200)
                .body("data.actor.name", is("Trusted Putin"));
        Gql.post(ACTOR_NAME, Map.of("id", actorId)).statusCode(200).body("data.actor.name", is("Trusted Putin"));
        getWith("documentId", "sha256:" + PersistedDocuments.sha256(ACTOR_KIND), "variables", json(Map.of("id", actorId)))
                .statusCode(200).body("data.actor.kind", is("PERSON"))
                .header("Cache-Control", is("public, max-age=30")); // parley.gateway.http-cache.max-age=PT30S
        getWith("query", ACTOR_KIND, "variables", json(Map.of("id", actorId)))
                .statusCode(200).body("data.actor.name", is("Trusted Putin"));
        // as application/graphql, its line breaks and comment intact: still the trusted text
        given().contentType("application/graphql; charset=utf-8").accept("application/json")
                .body("# a comment on its own line\nquery Commented {\n  __typename\n}".getBytes(StandardCharsets.UTF_8))
                .when().post("/graphql").then().statusCode(200).body("data.__typename", is("Query"));
    }

    @Test
    void arbitraryDocumentsAreRefusedOnEveryHttpTransport() {
        String actorId = stubActor("Untrusted");
        Gql.post(ARBITRARY, Map.of("id", actorId)).statusCode(200).body("data", nullValue())
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_IN_LIST"));
        postJson(Map.of("query", ARBITRARY, "variables", Map.of("id", actorId)), GRAPHQL_RESPONSE).statusCode(403)
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_IN_LIST"));
        given().contentType("application/graphql; charset=utf-8").accept("application/json")
                .body("{ __typename }".getBytes(StandardCharsets.UTF_8))
                .when().post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_IN_LIST"));
        getWith("query", ARBITRARY, "variables", json(Map.of("id", actorId)))
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_IN_LIST"));
        // the same text as a trusted one but for a space is another document
        Gql.post(ACTOR_NAME + " ", Map.of("id", actorId))
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_IN_LIST"));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void automaticPersistedQueriesRegisterNothing() {
        Map<String, Object> full = new LinkedHashMap<>(byHash("{ __typename }", Map.of()));
        full.put("query", "{ __typename }");
        postJson(full).body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_IN_LIST"));
        postJson(byHash("{ __typename }", Map.of()))
                .body("errors[0].message", is("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void introspectionIsRefusedLikeAnyOtherDocument() {
        Gql.post("{ __schema { queryType { name } } }").body("data", nullValue())
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_IN_LIST"));
    }

    @Test
    void theWebSocketRunsTrustedDocumentsOnly() throws Exception {
        String untrusted = stubActor("Socket Stranger");
        String actorId = stubActor("Socket Putin");
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            client.subscribe("1", ARBITRARY, Map.of("id", untrusted));
            JsonObject refused = client.next(DEADLINE);
            assertEquals("PERSISTED_QUERY_NOT_IN_LIST", GraphQLWsClient.firstErrorCode(refused), refused.encode());
        }
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            client.subscribe("1", ACTOR_NAME, Map.of("id", actorId));
            JsonObject answer = client.next(DEADLINE);
            assertEquals("Socket Putin", answer.getJsonObject("payload").getJsonObject("data")
                    .getValue("actor") instanceof JsonObject actor ? actor.getString("name") : null, answer.encode());
        }
        actors.verify(0, anyRequestedFor(urlPathEqualTo("/actors/" + untrusted)));
    }

    /** urql + @urql/exchange-persisted: the manifest's document by hash runs, anything else is refused. */
    @Test
    void aRealUrqlClientRunsTrustedDocumentsOnly() throws Exception {
        runUrqlClient("trusted-only");
    }
}
