package org.parley.gateway.export;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.uncountedPage;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.gateway.Tokens;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** An export is a read: the same rule as GraphQL queries, and the caller's token goes to the services. */
@QuarkusTest
@TestProfile(ExportAuthTest.ReadsClosed.class)
@WithTestResource(WireMockBackends.class)
class ExportAuthTest {

    public static class ReadsClosed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.gateway.security.reads-require-role", "true");
        }
    }

    @WireMockBackends.Actors
    WireMockServer actors;

    @WireMockBackends.Events
    WireMockServer events;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final String putin = id("putin");

    @BeforeEach
    void resetBackends() {
        actors.resetAll();
        events.resetAll();
        breakers.resetAll();
    }

    @Test
    void withoutATokenItIs401ProblemAndNoBackendIsCalled() {
        given().get("/export/events.csv").then().statusCode(401)
                .header("Content-Type", "application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", is("UNAUTHENTICATED"));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTokenWithoutTheReaderRoleIs403() {
        given().auth().oauth2(Tokens.withRoles("guest")).get("/export/events.geojson").then().statusCode(403)
                .body("code", is("FORBIDDEN"));
        events.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aReaderGetsTheFileAndEveryBackendCallOfEveryPageCarriesTheReadersToken() {
        events.stubFor(get(urlPathEqualTo("/event-types")).willReturn(ok("[]")));
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(ok(json(Map.of("items",
                List.of(actor(putin, "Vladimir Putin")), "nextCursor", "")))));
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("after", absent()).willReturn(ok(json(
                uncountedPage(List.of(event(id("one"), "One", List.of(putin))), "c1")))));
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("after", equalTo("c1")).willReturn(ok(json(
                uncountedPage(List.of(event(id("two"), "Two", List.of(putin))), null)))));
        String token = Tokens.withRoles("reader");

        // The first backend calls of a fresh application (class loading, cold JIT) can outlast the test profile's
        // 1.2 s read timeout on a loaded machine (seen: 503 "did not answer in time" while WireMock had answered):
        // one export first, unchecked, then the request journal starts empty for the one under test.
        given().auth().oauth2(token).get("/export/events.geojson");
        events.resetRequests();
        actors.resetRequests();

        given().auth().oauth2(token).get("/export/events.geojson").then().statusCode(200)
                .body("features.size()", is(2))
                .body("features[1].properties.participants[0].name", is("Vladimir Putin"));

        events.verify(2, getRequestedFor(urlPathEqualTo("/events")).withHeader("Authorization", equalTo("Bearer " + token)));
        actors.verify(2, getRequestedFor(urlPathEqualTo("/actors")).withHeader("Authorization", equalTo("Bearer " + token)));
        events.verify(0, getRequestedFor(anyUrl()).withHeader("Authorization", absent()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
