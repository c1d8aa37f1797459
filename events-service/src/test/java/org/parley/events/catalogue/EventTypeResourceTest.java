package org.parley.events.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventTypeResourceTest {

    @Test
    void listsTheCorrectedCatalogueFromTheDatabase() {
        given().get("/event-types").then().statusCode(200).body("", hasSize(311));
        given().queryParam("root", "10").get("/event-types").then().statusCode(200)
                .body("rootCode", everyItem(equalTo("10")))
                .body("quadClass", everyItem(equalTo(3)))
                .body("find { it.code == '106' }.name", equalTo("Demand withdrawal"))
                .body("find { it.code == '106' }.goldstein", equalTo(-5.0f))
                .body("find { it.code == '1056' }.name", equalTo("Demand de-escalation of military engagement"));
        given().queryParam("root", "04").get("/event-types").then().statusCode(200)
                .body("name", hasItem("Meet at a 'third' location"));
    }

    @Test
    void rejectsMalformedRootWith400() {
        given().queryParam("root", "4x").get("/event-types").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("root"));
    }
}
