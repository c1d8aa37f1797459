package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.gateway.GraphQLWsClient;
import org.parley.gateway.Gql;
import org.parley.gateway.Tokens;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/** The prod profile fails closed: every limit and every switch, proven one by one. */
@QuarkusTest
@TestProfile(ProdLockdownTest.Prod.class)
@WithTestResource(WireMockBackends.class)
class ProdLockdownTest {

    /**
     * The real %prod configuration, nothing relaxed. No JWT public key is configured (in a real prod launch
     * no token verifies then; under test smallrye-jwt generates a random pair), so the dev key is not trusted.
     */
    public static class Prod implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }
    }

    @TestHTTPResource("/graphql")
    URI graphql;

    @WireMockBackends.Actors
    WireMockServer actors;

    @WireMockBackends.Events
    WireMockServer events;

    @BeforeEach
    void reset() {
        actors.resetAll();
        events.resetAll();
    }

    @Test
    void answersOrdinaryQueries() {
        Gql.post("{ __typename }").statusCode(200).body("data.__typename", is("Query"));
    }

    @Test
    void refusesIntrospection() {
        Gql.post("{ __schema { queryType { name } types { name } } }")
                .body("data", nullValue())
                .body("errors[0].message", notNullValue());
        Gql.post("{ __type(name: \"Actor\") { fields { name } } }").body("data.__type", nullValue());
    }

    @Test
    void servesNoSchemaFileAndNoUi() {
        given().get("/graphql/schema.graphql").then().statusCode(404);
        given().get("/q/graphql-ui").then().statusCode(404);
        given().get("/q/graphql-ui/").then().statusCode(404);
        given().redirects().follow(false).get("/examples").then().statusCode(404);
    }

    @Test
    void refusesDocumentsDeeperThanTheLimit() {
        // events.edges.node.participants.actor = depth 5; each relationships.other adds 2: 5 + 2 * 4 + 1 = 14 > 12
        String inner = "name";
        for (int i = 0; i < 4; i++) {
            inner = "relationships { other { " + inner + " } }";
        }
        Gql.post("{ events { edges { node { participants { actor { " + inner + " } } } } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString("depth"));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesDocumentsAboveTheComplexityLimitCountingPageSizes() {
        // Depth 12, at the depth limit, but 100 x 100 x 100 items: each page counts its fields per item.
        Gql.post("""
                { events(first: 100) { edges { node { participants { actor {
                    events(first: 100) { edges { node { participants { actor {
                      counterparts(limit: 100) { count } } } } } } } } } } } }
                """)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString("complexity"));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void countsAFragmentAtEverySpread() {
        // Each spread costs 6,501 (100 events x 65), under the limit of 10,000; spread twice, 13,002. graphql-java's
        // QueryTraverser (and its complexity calculator) walks a fragment once and would have let this through.
        Gql.post("""
                { a: events(first: 100) { ...Costly } b: events(first: 100) { ...Costly } }
                fragment Costly on EventConnection {
                  edges { node { participants { actor { counterparts(limit: 60) { count } } } } } }
                """)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString("complexity is 13002"));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesDocumentsWithTooManyAliases() {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 31; i++) {
            query.append("a").append(i).append(": __typename ");
        }
        Gql.post(query.append("}").toString())
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString("31 aliases"));
    }

    @Test
    void refusesTooManyAliasesAlikeForEveryContentType() throws Exception {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 31; i++) {
            query.append("a").append(i).append(": __typename ");
        }
        String document = query.append("}").toString();
        HttpClient http = HttpClient.newHttpClient();
        for (String type : List.of("application/graphql", "application/json")) {
            String body = type.equals("application/graphql") ? document : new JsonObject().put("query", document).encode();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), type + ": " + response.body());
            JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
            assertEquals("QUERY_TOO_COMPLEX", error.getJsonObject("extensions").getString("code"), response.body());
        }
        for (String type : List.of("text/plain", "")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("query", document).encode()));
            if (!type.isEmpty()) {
                request.header("Content-Type", type);
            }
            assertEquals(415, http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode(), type);
        }
    }

    @Test
    void refusesWebSocketDocumentsWithTooManyAliases() throws Exception {
        try (GraphQLWsClient client = GraphQLWsClient.connect(graphql)) {
            StringBuilder over = new StringBuilder("{ ");
            for (int i = 0; i < 31; i++) {
                over.append("a").append(i).append(": __typename ");
            }
            client.subscribe("1", over.append("}").toString(), Map.of());
            JsonObject refused = client.next(Duration.ofSeconds(10));
            assertEquals("error", refused.getString("type"), refused.encode());
            assertEquals("1", refused.getString("id"));
            assertEquals("QUERY_TOO_COMPLEX", refused.getJsonArray("payload").getJsonObject(0)
                    .getJsonObject("extensions").getString("code"), refused.encode());

            // At the limit the same document runs over the socket.
            StringBuilder within = new StringBuilder("{ ");
            for (int i = 0; i < 30; i++) {
                within.append("a").append(i).append(": __typename ");
            }
            client.subscribe("2", within.append("}").toString(), Map.of());
            JsonObject answered = client.next(Duration.ofSeconds(10));
            assertEquals("next", answered.getString("type"), answered.encode());
            assertEquals("Query", answered.getJsonObject("payload").getJsonObject("data").getString("a29"));
        }
    }

    @Test
    void refusesDocumentsWithTooManyTokens() {
        // 3,001 tokens of harmless punctuation-free text: only the token limit can refuse it.
        String query = "{ __typename } fragment F on Query { " + "__typename ".repeat(2_995) + "}";
        Gql.post(query)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString("3000 tokens"));
    }

    @Test
    void doesNotTrustTheDevKey() {
        Gql.post("mutation { deleteActor(id: \"6b1f0d4e-4f7a-4a53-9d1c-1f2e3a4b5c6d\") }", Map.of(),
                Tokens.withRoles("editor"))
                .statusCode(401)
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"))
                .body("errors[0].message", not(containsString("Exception")));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void allowsNoOtherOriginByDefault() {
        // PARLEY_CORS_ORIGINS unset: a browser page of another origin may neither preflight nor post.
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .options("/graphql")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://app.example.org").contentType("application/json")
                .body("{\"query\":\"{ __typename }\"}").post("/graphql")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        // The app the gateway serves itself is same-origin: its browser sends its own origin along.
        given().header("Origin", graphql.resolve("/").toString().replaceAll("/$", "")).contentType("application/json")
                .body("{\"query\":\"{ __typename }\"}").post("/graphql")
                .then().statusCode(200).body("data.__typename", is("Query"));
        // Behind an Ingress that ends TLS, the page's origin (https) is not the gateway's (plain HTTP, same host):
        // Quarkus refuses it as another origin. This is why the prod overlay lists its public origin in
        // PARLEY_CORS_ORIGINS (k8s/README.md; the offline checks hold it in step with the Ingress host).
        given().header("Host", "parley.example.com").header("Origin", "https://parley.example.com")
                .contentType("application/json").body("{\"query\":\"{ __typename }\"}").post("/graphql")
                .then().statusCode(403);
    }
}
