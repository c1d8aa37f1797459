package org.parley.actors.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.parley.actors.Fixtures.createId;
import static org.parley.actors.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's failures in actors-service: text PostgreSQL cannot store (U+0000) and dates outside
 * 0001–9999 are a 400 naming the field, null list items too; empty list-parameter items are ignored.
 */
@QuarkusTest
class BadInputTest {

    private static final String NUL_REASON = "must not contain the NUL character (U+0000)";

    private static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private static RequestSpecification json(String body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    private static String actorJson(String extra) {
        return "{\"kind\": \"PERSON\", \"name\": \"" + token() + "\"" + extra + "}";
    }

    @Test
    void returns400ForNulInTextQueryParameterAndCursor() {
        refused(given().queryParam("text", "a\u0000b").get("/actors").then(), "text")
                .body("violations[0].message", equalTo(NUL_REASON));
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((UUID.randomUUID() + "\nna\u0000me").getBytes(StandardCharsets.UTF_8));
        refused(given().queryParam("after", cursor).get("/actors").then(), "after");
    }

    @Test
    void returns400ForNulInNameAliasDescriptionTitleAndResolveItem() {
        refused(json("{\"kind\": \"PERSON\", \"name\": \"Pu\\u0000tin\"}").post("/actors").then(), "name")
                .body("violations[0].message", equalTo(NUL_REASON));
        refused(json(actorJson(", \"aliases\": [\"ok\", \"V\\u0000\"]")).post("/actors").then(), "aliases[1]");
        refused(json(actorJson(", \"description\": \"\\u0000\"")).post("/actors").then(), "description");
        String id = createId("PERSON", token());
        refused(json(actorJson(", \"version\": 0").replaceFirst("\"name\": \"", "\"name\": \"\\\\u0000"))
                .put("/actors/" + id).then(), "name");
        String other = createId("STATE", token());
        refused(json("{\"type\": \"REPRESENTS\", \"toId\": \"" + other + "\", \"title\": \"Envoy\\u0000\"}")
                .post("/actors/" + id + "/relationships").then(), "title");
        refused(json("{\"items\": [{\"cameoCode\": \"RUS\", \"name\": \"x\\u0000\"}]}").post("/actors/resolve").then(),
                "items[0].name");
        given().get("/actors/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void returns400ForRelationshipDatesPostgresCannotHold() {
        String id = createId("PERSON", token());
        String other = createId("STATE", token());
        refused(json("{\"type\": \"REPRESENTS\", \"toId\": \"" + other + "\", \"since\": \"-5000-01-01\"}")
                .post("/actors/" + id + "/relationships").then(), "since")
                .body("violations[0].message", equalTo("must be a date from 0001-01-01 to 9999-12-31"));
        refused(json("{\"type\": \"REPRESENTS\", \"toId\": \"" + other + "\", \"until\": \"+10000-01-01\"}")
                .post("/actors/" + id + "/relationships").then(), "until");
        json("{\"type\": \"REPRESENTS\", \"toId\": \"" + other + "\", \"since\": \"0001-01-01\", \"until\": \"9999-12-31\"}")
                .post("/actors/" + id + "/relationships").then().statusCode(201);
        given().get("/actors/" + id + "/relationships").then().statusCode(200).body("since", hasItem("0001-01-01"));
    }

    @Test
    void returns400ForNullListItems() {
        refused(json(actorJson(", \"aliases\": [null]")).post("/actors").then(), "aliases[0]");
        refused(json("{\"items\": [null]}").post("/actors/resolve").then(), "items[0]");
    }

    @Test
    void ignoresEmptyItemsInListQueryParameters() {
        String id = createId("PERSON", token());
        given().queryParam("ids", "," + id + ",,").get("/actors").then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("kind", ",").get("/actors").then().statusCode(200);
        given().queryParam("actors", ",," + id).get("/relationships").then().statusCode(200);
    }
}
