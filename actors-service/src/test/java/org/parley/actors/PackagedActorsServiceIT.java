package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.common.testing.PackagedApp;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged actors-service as deployed (prod profile): the jar here, the native executable with
 * {@code -Dnative} where GraalVM exists. A few real requests through every layer a native image could break:
 * health (with the database), a JSON write with a verified token, reads of it, a problem+json error.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedApp.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class PackagedActorsServiceIT {

    @Test
    void isReadyWithItsDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anEditorWritesAnActorThatAnyoneReads() {
        String name = "Packaged " + UUID.randomUUID();
        String id = given().auth().oauth2(PackagedApp.token("editor")).contentType(ContentType.JSON)
                .body(Map.of("kind", "PERSON", "name", name, "aliases", java.util.List.of("Native"), "country", "KGZ"))
                .when().post("/actors")
                .then().statusCode(201).body("name", equalTo(name)).extract().path("id");

        given().when().get("/actors/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("aliases", hasItem("Native")).body("country", equalTo("KGZ"));
        given().queryParam("text", name).when().get("/actors").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void aWriteWithoutATokenIsRefusedAndAnUnknownActorIsAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("kind", "PERSON", "name", "Nobody"))
                .when().post("/actors").then().statusCode(401);
        given().when().get("/actors/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
