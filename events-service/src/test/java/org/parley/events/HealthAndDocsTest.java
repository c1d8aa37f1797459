package org.parley.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void isReadyWithDatabaseSchemaStreamListenerAndTheWarmUpOfTheMainReadPaths() {
        // the listener connects asynchronously after start; poll with a deadline
        long deadline = System.currentTimeMillis() + 20_000;
        int status;
        do {
            status = given().get("/q/health/ready").statusCode();
        } while (status != 200 && System.currentTimeMillis() < deadline);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("event-stream listener"))
                // the database check: the schema this build needs, read on the reactive pool (SchemaCheck)
                .body("checks.find { it.name == 'database schema' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'warm-up' }.data.status", equalTo("warm"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/events?limit=1");
        given().get("/q/metrics").then().statusCode(200).body(containsString("parley_sql_statements_total"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void documentsEveryOperationWithAnOperationId() {
        String openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String op : new String[] { "listEventTypes", "getPlace", "listPlaces", "createPlace", "updatePlace",
                "deletePlace", "resolvePlaces", "getEvent", "listEvents", "listEventsByParticipants", "recordEvent",
                "recordEvents", "replaceEvent", "patchEvent", "deleteEvent", "addSource", "linkEvents", "unlinkEvents",
                "dyadStats", "counterparts", "counterpartsOfActors", "timeline", "streamEvents" }) {
            org.junit.jupiter.api.Assertions.assertTrue(openapi.contains("\"operationId\" : \"" + op + "\""), op + " missing");
        }
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblemJson() {
        given().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().contentType("text/plain").body("x").post("/events").then().statusCode(415)
                .contentType("application/problem+json");
    }
}
