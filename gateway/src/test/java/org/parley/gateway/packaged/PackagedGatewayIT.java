package org.parley.gateway.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.testing.PackagedApp;
import org.parley.gateway.Gql;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged gateway as deployed (prod profile): the jar here, the native executable with {@code -Dnative}
 * where GraalVM exists; WireMock stands in for the two services. A few real requests through what a native
 * image could break: health, the web app's page (a classpath resource), a query whose backend answer Jackson
 * builds, a mutation with a verified token forwarded to the service.
 */
@QuarkusIntegrationTest
@WithTestResource(WireMockBackends.class)
@WithTestResource(PackagedApp.class)
@WithTestResource(PackagedGatewayIT.PatientBackendCalls.class)
class PackagedGatewayIT {

    /**
     * These requests check what a native image could break (JSON binding, the token), not latency: a cold jar on
     * the shared cores took over the 3 s write timeout once. The policies themselves are the unit tests'.
     */
    public static class PatientBackendCalls implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String client = "org.parley.gateway.client.";
            return Map.of(client + "ActorsClient/read/Timeout/value", "30000",
                    client + "ActorsClient/write/Timeout/value", "30000",
                    client + "EventsClient/read/Timeout/value", "30000",
                    client + "EventsClient/write/Timeout/value", "30000");
        }

        @Override
        public void stop() {
        }
    }

    @WireMockBackends.Actors
    WireMockServer actors;

    @WireMockBackends.Events
    WireMockServer events;

    @BeforeEach
    void resetBackends() {
        actors.resetAll();
        events.resetAll();
    }

    @Test
    void isAlive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void servesTheWebApp() {
        given().when().get("/").then().statusCode(200).body(containsString("<html"));
    }

    @Test
    void readsAnActorFromTheService() {
        String actorId = id("packaged-read");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, "Sadyr Japarov")))));
        Gql.post("query A($id: ID!) { actor(id: $id) { name } }", Map.of("id", actorId))
                .statusCode(200).body("errors", nullValue()).body("data.actor.name", is("Sadyr Japarov"));
    }

    @Test
    void anEditorsMutationReachesTheServiceWithTheToken() {
        actors.stubFor(post(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(json(actor(id("packaged-created"), "Created")))));
        String token = PackagedApp.token("editor");
        Gql.post("mutation C($name: String!) { createActor(input: {kind: PERSON, name: $name}) { id name } }",
                Map.of("name", "Created"), token).statusCode(200).body("errors", nullValue())
                .body("data.createActor.name", is("Created"));
        actors.verify(1, postRequestedFor(urlPathEqualTo("/actors")).withHeader("Authorization", equalTo("Bearer " + token)));
    }
}
