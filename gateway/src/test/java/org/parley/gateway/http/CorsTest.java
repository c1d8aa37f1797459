package org.parley.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A web app on another origin may call the gateway only when its origin is listed in PARLEY_CORS_ORIGINS:
 * a browser's preflight from a listed origin gets the CORS headers, one from any other origin does not (and
 * the browser then never sends the request). The prod default (no origin listed) is in ProdLockdownTest.
 */
@QuarkusTest
@TestProfile(CorsTest.TwoOrigins.class)
@WithTestResource(WireMockBackends.class)
class CorsTest {

    static final String APP = "https://app.example.org";

    /** As a deployment sets it: the environment variable, two origins. */
    public static class TwoOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("PARLEY_CORS_ORIGINS", APP + ",http://localhost:5173");
        }
    }

    @Test
    void aPreflightFromAListedOriginIsAllowedWithTheAppsMethodsAndHeaders() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", is(APP))
                .header("Access-Control-Allow-Methods",
                        allOf(containsString("GET"), containsString("POST"), containsString("OPTIONS")))
                .header("Access-Control-Allow-Headers", allOf(containsString("content-type"), containsString("authorization")))
                .header("Access-Control-Max-Age", is("3600"));
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/graphql")
                .then().statusCode(200).header("Access-Control-Allow-Origin", is("http://localhost:5173"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() {
        given().header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/graphql")
                .then().statusCode(403)
                // Without Access-Control-Allow-Origin the browser refuses, whatever else the answer says.
                .header("Access-Control-Allow-Origin", nullValue());
        // A look-alike of a listed origin is another origin.
        given().header("Origin", APP + ".evil.example.net").header("Access-Control-Request-Method", "POST")
                .options("/graphql")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aQueryFromAListedOriginIsAnsweredWithItsOrigin() {
        given().header("Origin", APP).contentType("application/json")
                .body("{\"query\":\"{ __typename }\"}")
                .post("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", is(APP))
                .body("data.__typename", is("Query"));
    }

    @Test
    void aQueryFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example.net").contentType("application/json")
                .body("{\"query\":\"{ __typename }\"}")
                .post("/graphql")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .body(not(containsString("__typename")));
    }
}
