package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.parley.gateway.NodeScript;

import io.quarkus.test.common.http.TestHTTPResource;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * What the persisted-documents tests share: the documents of the test manifests (the classpath's
 * META-INF/parley/persisted-documents.json and src/test/resources/trusted-documents) and requests by hash.
 */
abstract class PersistedDocumentsHarness extends StubbedBackendsTest {

    /** In the classpath manifest (src/test/resources/META-INF/parley/persisted-documents.json). */
    static final String ACTOR_NAME = "query ActorName($id: ID!) {\n  actor(id: $id) {\n    name\n  }\n}";
    /** In trusted-documents/web.json: a comment, so a line break that went missing would break it. */
    static final String ACTOR_KIND = "# the name and kind of one actor\n"
            + "query ActorKind($id: ID!) { actor(id: $id) { name kind } }";
    static final String CREATE_ACTOR = "mutation CreateActor($input: ActorInput!) { createActor(input: $input) { id } }";
    /** Three aliases; PersistedDocumentsTest's profile allows two. */
    static final String MANY_NAMES = "query ManyNames($id: ID!) { a: actor(id: $id) { name } "
            + "b: actor(id: $id) { name } c: actor(id: $id) { name } }";
    /** In trusted-documents/apollo.json, Apollo's persisted query manifest format. */
    static final String ACTOR_COUNTRY = "query ActorCountry($id: ID!) { actor(id: $id) { country } }";

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    static Map<String, Object> persistedQuery(String document) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", PersistedDocuments.sha256(document)));
    }

    static ValidatableResponse postJson(Map<String, Object> body, String accept) {
        return given().contentType(ContentType.JSON).accept(accept).body(json(body)).when().post("/graphql").then();
    }

    static ValidatableResponse postJson(Map<String, Object> body) {
        return postJson(body, "application/json");
    }

    static Map<String, Object> byHash(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("extensions", persistedQuery(document));
        body.put("variables", variables);
        return body;
    }

    /** The test classes (one application each) whose application has made its first backend call. */
    private static final Set<Class<?>> WARM = ConcurrentHashMap.newKeySet();

    /**
     * The first backend call of a fresh application initialises the REST client (seconds on a loaded machine, past
     * the read timeout): made once here, so no test's own call is that first one.
     */
    @BeforeEach
    void warmUp() {
        if (WARM.add(getClass())) {
            postJson(byHash(ACTOR_NAME, Map.of("id", stubActor("Warm-up"))));
            actors.resetAll();
        }
    }

    String stubActor(String name) {
        String actorId = id(name);
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, name)))));
        return actorId;
    }

    static ValidatableResponse getWith(Object... parameters) {
        return getWith(given(), parameters);
    }

    static ValidatableResponse getWith(RequestSpecification request, Object... parameters) {
        RequestSpecification spec = request.urlEncodingEnabled(true).accept("application/json");
        for (int i = 0; i < parameters.length; i += 2) {
            spec = spec.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return spec.when().get("/graphql").then();
    }

    @TestHTTPResource("/graphql")
    URI graphql;

    /** Runs src/test/node/persisted-client.mjs (urql + @urql/exchange-persisted) against this gateway. */
    void runUrqlClient(String mode) throws IOException, InterruptedException {
        NodeScript.Run client = NodeScript.run(Duration.ofSeconds(60), "persisted-client.mjs", NodeScript.url(graphql),
                mode);
        assertEquals(0, client.exitCode(), client.output());
        assertTrue(client.output().contains("PASSED " + mode), client.output());
    }
}
