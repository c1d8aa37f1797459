package org.parley.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.common.testing.PackagedApp;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged events-service as deployed (prod profile): the jar here, the native executable with
 * {@code -Dnative} where GraalVM exists. A few real requests through every layer a native image could break:
 * health (with the database), the CAMEO catalogue (read from classpath resources at start), a JSON write with a
 * verified token and reads of it.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedApp.class, initArgs = @ResourceArg(name = "database", value = "events"))
class PackagedEventsServiceIT {

    @Test
    void isReadyWithItsDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesTheCameoCatalogueLoadedFromItsResources() {
        given().queryParam("root", "10").when().get("/event-types").then().statusCode(200)
                .body("find { it.code == '106' }.name", equalTo("Demand withdrawal"))
                .body("find { it.code == '106' }.goldstein", equalTo(-5.0f));
    }

    @Test
    void anEditorRecordsAnEventThatAnyoneReads() {
        String actor = UUID.randomUUID().toString();
        String title = "Packaged " + UUID.randomUUID();
        Map<String, Object> body = Map.of("title", title, "code", "106", "status", "OCCURRED", "start", "2025-11-27",
                "participants", List.of(Map.of("actorId", actor, "role", "SOURCE")));
        String id = given().auth().oauth2(PackagedApp.token("editor")).contentType(ContentType.JSON).body(body)
                .when().post("/events")
                .then().statusCode(201).body("title", equalTo(title)).extract().path("id");

        given().when().get("/events/" + id).then().statusCode(200)
                .body("title", equalTo(title)).body("participants.actorId", hasItem(actor));
        given().queryParam("actor", actor).when().get("/events").then().statusCode(200)
                .body("items.id", hasItem(id));
    }
}
