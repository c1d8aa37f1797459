package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A client's mistake is a 4xx or a BAD_USER_INPUT naming the argument, refused before any backend call; a
 * backend's 4xx is an answer, never retried and never counted as a failure by the circuit breaker.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class BadInputTest extends StubbedBackendsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void refusesNullListItemsNamingTheArgumentPath() {
        Gql.post("{ actors(filter: {kinds: [PERSON, null]}) { totalCount } }")
                .statusCode(200)
                .body("data.actors", nullValue())
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].extensions.retryable", is(false))
                .body("errors[0].extensions.violations[0].field", is("filter.kinds[1]"))
                .body("errors[0].message", containsString("filter.kinds[1] must not be null"));
        Gql.post("{ events(filter: {statuses: [null], codes: [null]}) { totalCount } }")
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].extensions.violations.field", is(List.of("filter.codes[0]", "filter.statuses[0]")));
        actors.verify(0, anyRequestedFor(anyUrl()));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesNulInTextFromLiteralsAndVariables() {
        Gql.post("query Q($text: String) { events(filter: {text: $text}) { totalCount } }", Map.of("text", "a\u0000b"))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].extensions.violations[0].field", is("filter.text"))
                .body("errors[0].extensions.violations[0].message", containsString("U+0000"));
        Gql.post("{ actors(filter: {text: \"a\\u0000b\"}) { totalCount } }")
                .body("errors[0].extensions.violations[0].field", is("filter.text"));
        Gql.post("{ actor(id: \"\\u0000\") { name } }")
                .body("errors[0].extensions.violations[0].field", is("id"));
        events.verify(0, anyRequestedFor(anyUrl()));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesTextLongerThanAnyServiceTakes() {
        Gql.post("query Q($text: String) { events(filter: {text: $text}) { totalCount } }",
                Map.of("text", "x".repeat(ArgumentRules.MAX_TEXT_LENGTH + 1)))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].extensions.violations[0].field", is("filter.text"));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesDatesOutsideTheStoredRange() {
        for (String date : List.of("-5000-01-01", "0000-12-31", "+10000-01-01", "2025-02-30")) {
            Gql.post("query Q($from: Date) { events(filter: {from: $from}) { totalCount } }", Map.of("from", date))
                    .statusCode(200)
                    .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                    .body("errors[0].extensions.violations[0].field", is("filter.from"));
        }
        Gql.post("{ dyad(a: \"x\", b: \"y\", to: \"-0001-01-01\") { a { name } } }")
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesIntegersBeyond32Bits() {
        Gql.post("query Q($first: Int) { actors(first: $first) { totalCount } }", Map.of("first", Long.MAX_VALUE))
                .statusCode(200)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].extensions.violations[0].field", is("first"));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void typesGraphqlJavasOwnRequestErrors() {
        Gql.post("{ actors(filter: {kinds: [NOPE]}) { totalCount } }")
                .body("errors[0].extensions.code", is("GRAPHQL_VALIDATION_FAILED"));
        Gql.post("{ actors(")
                .body("errors[0].extensions.code", is("GRAPHQL_PARSE_FAILED"));
    }

    @Test
    void acceptsTheEdgesOfTheStoredRange() {
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(page(List.of(), null, 0)))));
        Gql.post("{ events(filter: {from: \"0001-01-01\", to: \"9999-12-31\"}) { totalCount } }")
                .body("errors", nullValue())
                .body("data.events.totalCount", is(0));
    }

    @Test
    void backendBadRequestsAreSentOnceEachAndLeaveTheBreakerClosed() {
        // A first call on a cold gateway may exceed the test timeout and be retried: warm the path first.
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(page(List.of(), null, 0)))));
        Gql.post("{ actors { totalCount } }").body("errors", nullValue());
        actors.resetAll();
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"country must be ISO 3166-1 alpha-3\"}")));
        // 30 requests exceed the breaker's window of 20 calls: were they failures, it would open.
        for (int i = 0; i < 30; i++) {
            Gql.post("{ actors(filter: {country: \"XX\"}) { totalCount } }")
                    .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                    .body("errors[0].extensions.retryable", is(false));
        }
        actors.verify(30, getRequestedFor(urlPathEqualTo("/actors")));

        String actorId = id("after-the-burst");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, "Still Served")))));
        Gql.post("query One($id: ID!) { actor(id: $id) { name } }", Map.of("id", actorId))
                .body("errors", nullValue())
                .body("data.actor.name", is("Still Served"));
    }

    @Test
    void answersAnUnusableAcceptWith406InsteadOfHanging() throws Exception {
        for (String accept : List.of("application/json; charset=bogus", "text/html", "application/json;charset=latin1")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(graphql).header("Accept", accept)
                    .header("Content-Type", "application/json").POST(body("{\"query\":\"{ __typename }\"}")));
            assertEquals(406, response.statusCode(), accept + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        }
        HttpResponse<String> utf8 = send(HttpRequest.newBuilder(graphql).header("Accept", "application/json; charset=utf-8")
                .header("Content-Type", "application/json").POST(body("{\"query\":\"{ __typename }\"}")));
        assertEquals(200, utf8.statusCode(), utf8.body());
        assertEquals("Query", new JsonObject(utf8.body()).getJsonObject("data").getString("__typename"));
    }

    @Test
    void refusesPostBodiesThatAreNeitherJsonNorGraphqlWith415() throws Exception {
        HttpResponse<String> plain = send(HttpRequest.newBuilder(graphql).header("Content-Type", "text/plain")
                .POST(body("{\"query\":\"{ __typename }\"}")));
        assertEquals(415, plain.statusCode(), plain.body());
        HttpResponse<String> none = send(HttpRequest.newBuilder(graphql).POST(body("{\"query\":\"{ __typename }\"}")));
        assertEquals(415, none.statusCode(), none.body());
        HttpResponse<String> graphqlBody = send(HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/graphql").POST(body("{ __typename }")));
        assertEquals(200, graphqlBody.statusCode(), graphqlBody.body());
        assertTrue(graphqlBody.body().contains("\"Query\""), graphqlBody.body());
    }

    @Test
    void refusesBadArgumentsTheSameOverEveryTransport() throws Exception {
        String query = "{ actors(filter: {kinds: [null]}) { totalCount } }";
        HttpResponse<String> graphqlBody = send(HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/graphql").POST(body(query)));
        HttpResponse<String> jsonBody = send(HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(body(new JsonObject().put("query", query).encode())));
        for (HttpResponse<String> response : List.of(graphqlBody, jsonBody)) {
            assertEquals(200, response.statusCode(), response.body());
            JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
            assertEquals("BAD_USER_INPUT", error.getJsonObject("extensions").getString("code"), response.body());
        }
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
