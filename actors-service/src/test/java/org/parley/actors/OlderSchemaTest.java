package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A build that needs a newer schema than the database has stays out of service: as a pod does that starts before its
 * rollout's migration Job has run (k8s/README.md, Migrations). Here the build "needs" one version more than the
 * migrations it carries.
 */
@QuarkusTest
@TestProfile(OlderSchemaTest.NeedsTheNextMigration.class)
class OlderSchemaTest {

    public static class NeedsTheNextMigration implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.schema.required-version", "6");
        }
    }

    @Test
    void isNotReadyOnASchemaOlderThanItNeedsAndSaysWhichVersionItFound() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database schema' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database schema' }.data.version", equalTo("5"))
                .body("checks.find { it.name == 'database schema' }.data.required", equalTo(6));
    }

    @Test
    void staysAlive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
