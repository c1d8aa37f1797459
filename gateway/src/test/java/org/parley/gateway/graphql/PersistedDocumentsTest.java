package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Tokens;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Persisted documents in open mode: the manifests (the classpath's META-INF/parley/persisted-documents.json and
 * src/test/resources/trusted-documents, both formats) run by hash over POST and GET, unknown hashes answer
 * PersistedQueryNotFound, automatic persisted queries register a verified document, GET answers of queries are
 * cacheable, and every limit holds for stored documents as for sent ones.
 */
@QuarkusTest
@TestProfile(PersistedDocumentsTest.WithManifests.class)
@WithTestResource(WireMockBackends.class)
class PersistedDocumentsTest extends StubbedBackendsTest {

    public static class WithManifests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.gateway.trusted-documents.dir", "src/test/resources/trusted-documents",
                    "parley.gateway.limits.max-aliases", "2");
        }
    }

    /** In the classpath manifest (src/test/resources/META-INF/parley/persisted-documents.json). */
    static final String ACTOR_NAME = "query ActorName($id: ID!) {\n  actor(id: $id) {\n    name\n  }\n}";
    /** In trusted-documents/web.json: a comment, so a line break that went missing would break it. */
    static final String ACTOR_KIND = "# the name and kind of one actor\n"
            + "query ActorKind($id: ID!) { actor(id: $id) { name kind } }";
    static final String CREATE_ACTOR = "mutation CreateActor($input: ActorInput!) { createActor(input: $input) { id } }";
    /** Three aliases; the profile allows two. */
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

    private String stubActor(String name) {
        String actorId = id(name);
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, name)))));
        return actorId;
    }

    @Test
    void runsADocumentOfTheClasspathManifestByItsApqHash() {
        String actorId = stubActor("Persisted Putin");
        postJson(byHash(ACTOR_NAME, Map.of("id", actorId))).statusCode(200)
                .body("data.actor.name", is("Persisted Putin")).body("errors", nullValue());
    }

    @Test
    void runsADocumentOfTheDirectoryByItsDocumentId() {
        String actorId = stubActor("Persisted Witkoff");
        postJson(Map.of("documentId", "sha256:" + PersistedDocuments.sha256(ACTOR_KIND),
                "variables", Map.of("id", actorId)), GRAPHQL_RESPONSE).statusCode(200)
                .body("data.actor.name", is("Persisted Witkoff")).body("data.actor.kind", is("PERSON"));
    }

    @Test
    void readsApolloPersistedQueryManifests() {
        String actorId = stubActor("Persisted Kushner");
        postJson(byHash(ACTOR_COUNTRY, Map.of("id", actorId))).statusCode(200)
                .body("data.actor.country", is("RUS"));
    }

    @Test
    void unknownHashIsPersistedQueryNotFoundWithoutABackendCall() {
        Map<String, Object> unknown = byHash("query Unknown { __typename }", Map.of());
        // the message is what urql's persisted exchange and Apollo's link look for to resend the document
        postJson(unknown).statusCode(200).body("data", nullValue())
                .body("errors[0].message", is("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
        postJson(unknown, GRAPHQL_RESPONSE).statusCode(404)
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
        postJson(Map.of("documentId", "sha256:" + "0".repeat(64))).statusCode(200)
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void automaticPersistedQueryMissThenFullDocumentThenHashAlone() {
        String document = "query Apq" + UUID.randomUUID().toString().replace("-", "") + " { __typename }";
        postJson(byHash(document, Map.of())).body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
        Map<String, Object> full = new LinkedHashMap<>(byHash(document, Map.of()));
        full.put("query", document);
        postJson(full).statusCode(200).body("data.__typename", is("Query")).body("errors", nullValue());
        postJson(byHash(document, Map.of())).statusCode(200).body("data.__typename", is("Query"));
        getWith("extensions", json(persistedQuery(document))).statusCode(200).body("data.__typename", is("Query"));
    }

    @Test
    void aHashThatIsNotTheDocumentsIsRefusedAndNothingIsRegistered() {
        String document = "query Mismatch" + UUID.randomUUID().toString().replace("-", "") + " { __typename }";
        Map<String, Object> lying = new LinkedHashMap<>(byHash(document + " ", Map.of()));
        lying.put("query", document);
        postJson(lying).statusCode(200).body("data", nullValue())
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_HASH_MISMATCH"));
        postJson(lying, GRAPHQL_RESPONSE).statusCode(400)
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_HASH_MISMATCH"));
        postJson(byHash(document + " ", Map.of()))
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void aDocumentThatDoesNotFitTheSchemaIsNotRegistered() {
        String document = "query Invalid" + UUID.randomUUID().toString().replace("-", "") + " { noSuchField }";
        Map<String, Object> full = new LinkedHashMap<>(byHash(document, Map.of()));
        full.put("query", document);
        postJson(full).body("errors[0].extensions.code", is("GRAPHQL_VALIDATION_FAILED"));
        postJson(byHash(document, Map.of())).body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void malformedPersistedQueryExtensionsAreBadRequests() {
        postJson(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 2, "sha256Hash",
                PersistedDocuments.sha256(ACTOR_NAME))))).statusCode(400)
                .body("errors[0].extensions.code", is("BAD_REQUEST"));
        postJson(Map.of("documentId", "sha256:" + PersistedDocuments.sha256(ACTOR_KIND),
                "extensions", persistedQuery(ACTOR_NAME))).statusCode(400)
                .body("errors[0].message", is("documentId and extensions.persistedQuery.sha256Hash name different documents"));
        postJson(Map.of("variables", Map.of())).statusCode(400).body("errors[0].extensions.code", is("BAD_REQUEST"));
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

    @Test
    void getRunsAQueryByHashWithAStrongEtagAndRevalidation() {
        String actorId = stubActor("Cached Putin");
        String etag = getWith("documentId", "sha256:" + PersistedDocuments.sha256(ACTOR_NAME),
                "variables", json(Map.of("id", actorId)))
                .statusCode(200).body("data.actor.name", is("Cached Putin"))
                .header("Cache-Control", is("public, no-cache"))
                .header("Vary", is("Accept, Authorization"))
                .header("ETag", startsWith("\"")).extract().header("ETag");
        getWith(given().header("If-None-Match", etag),
                "documentId", "sha256:" + PersistedDocuments.sha256(ACTOR_NAME),
                "variables", json(Map.of("id", actorId)))
                .statusCode(304).header("ETag", is(etag)).body(emptyString());
        getWith(given().header("If-None-Match", "\"something-else\""),
                "documentId", "sha256:" + PersistedDocuments.sha256(ACTOR_NAME),
                "variables", json(Map.of("id", actorId)))
                .statusCode(200).body("data.actor.name", is("Cached Putin"));
    }

    @Test
    void getWithCredentialsIsCachedPrivately() {
        String actorId = stubActor("Private Putin");
        getWith(given().header("Authorization", "Bearer " + Tokens.withRoles("reader")),
                "extensions", json(persistedQuery(ACTOR_NAME)), "variables", json(Map.of("id", actorId)))
                .statusCode(200).body("data.actor.name", is("Private Putin"))
                .header("Cache-Control", is("private, no-cache"));
    }

    @Test
    void getAnswersWithErrorsAreNeverStored() {
        String actorId = id("get-down");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(503)));
        getWith("documentId", "sha256:" + PersistedDocuments.sha256(ACTOR_NAME),
                "variables", json(Map.of("id", actorId)))
                .statusCode(200).body("errors[0].extensions.code", is("UPSTREAM_UNAVAILABLE"))
                .header("Cache-Control", is("no-store")).header("ETag", nullValue());
    }

    @Test
    void getCarriesAFullDocumentVerbatimWithItsOperationName() {
        String actorId = stubActor("Verbatim Witkoff");
        // SmallRye's own GET turned line breaks into spaces: the comment would swallow the whole query
        getWith("query", ACTOR_KIND, "variables", json(Map.of("id", actorId)))
                .statusCode(200).body("data.actor.name", is("Verbatim Witkoff")).body("errors", nullValue());
        getWith("query", "query First { first: __typename } query Second { second: __typename }",
                "operationName", "Second")
                .statusCode(200).body("data.second", is("Query")).body("data.first", nullValue());
        getWith("query", "{ t: __typename }", "variables", "{\"unused\": \"100% + more\"}")
                .statusCode(200).body("data.t", is("Query"));
    }

    @Test
    void mutationsAreNeverRunByGet() {
        getWith("documentId", "sha256:" + PersistedDocuments.sha256(CREATE_ACTOR),
                "variables", json(Map.of("input", Map.of("kind", "PERSON", "name", "Nobody"))))
                .statusCode(405).header("Allow", is("POST"))
                .body("errors[0].extensions.code", is("METHOD_NOT_ALLOWED"));
        getWith("query", "mutation { deleteActor(id: \"" + id("get-delete") + "\") }")
                .statusCode(405).body("errors[0].extensions.code", is("METHOD_NOT_ALLOWED"));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void storedDocumentsAreHeldToTheLimitsOnEveryTransport() {
        String actorId = stubActor("Aliased");
        postJson(byHash(MANY_NAMES, Map.of("id", actorId)))
                .body("data", nullValue()).body("errors[0].extensions.code", is("QUERY_TOO_COMPLEX"));
        getWith("documentId", "sha256:" + PersistedDocuments.sha256(MANY_NAMES), "variables", json(Map.of("id", actorId)))
                .body("data", nullValue()).body("errors[0].extensions.code", is("QUERY_TOO_COMPLEX"))
                .header("Cache-Control", is("no-store"));
        // the argument rules too: text with U+0000 never reaches a backend
        getWith("documentId", "sha256:" + PersistedDocuments.sha256(ACTOR_NAME),
                "variables", json(Map.of("id", "nul\u0000id")))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void getWithoutADocumentIsABadRequest() {
        getWith("variables", "{}").statusCode(400).body("errors[0].extensions.code", is("BAD_REQUEST"));
        getWith("query", "{ __typename }", "variables", "[1]").statusCode(400)
                .body("errors[0].message", is("variables must be a JSON object"));
    }
}
