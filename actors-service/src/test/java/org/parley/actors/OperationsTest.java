package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabaseSchemaAndTheWarmUpOfTheMainReadPaths() {
        // the warm-up runs after start, asynchronously: ready once it has run; poll with a deadline
        long deadline = System.currentTimeMillis() + 20_000;
        int status;
        do {
            status = given().get("/q/health/ready").statusCode();
        } while (status != 200 && System.currentTimeMillis() < deadline);
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                // the database check: the schema this build needs, read on the reactive pool (SchemaCheck)
                .body("checks.find { it.name == 'database schema' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'warm-up' }.data.status", equalTo("warm"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesRequestMetrics() {
        given().when().get("/actors?text=metrics").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasTheContractedOperationId() {
        JsonPath openapi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<String> operationIds = new ArrayList<>();
        for (Map<String, Object> path : paths.values()) {
            for (Object operation : path.values()) {
                if (operation instanceof Map<?, ?> op && op.containsKey("responses")) {
                    Object id = op.get("operationId");
                    assertTrue(id instanceof String, "operation without operationId: " + op);
                    operationIds.add((String) id);
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("getActor", "listActors", "createActor", "updateActor", "deleteActor",
                "listRelationships", "listRelationshipsOfActors", "addRelationship", "removeRelationship",
                "resolveActors", "setEventCounts")), new TreeSet<>(operationIds));
        assertEquals("#/components/schemas/Actor",
                openapi.getString("paths.'/actors/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
        assertEquals("#/components/schemas/ActorPage",
                openapi.getString("paths.'/actors'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
    }
}
