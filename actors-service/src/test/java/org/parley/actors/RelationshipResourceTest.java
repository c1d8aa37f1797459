package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RelationshipResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> relationship(String type, String title, String toId) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("toId", toId);
        return body;
    }

    private static String add(String fromId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/actors/" + fromId + "/relationships")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    @Test
    void addsAndListsRelationshipsInBothDirections() {
        String token = Fixtures.token();
        String putin = Fixtures.createId("PERSON", "Vladimir Putin " + token);
        String russia = Fixtures.createId("STATE", "Russia " + token);
        Map<String, Object> body = relationship("HOLDS_OFFICE_IN", "President", russia);
        body.put("since", "2012-05-07");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/actors/" + putin + "/relationships")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("type", equalTo("HOLDS_OFFICE_IN"))
                .body("title", equalTo("President"))
                .body("fromId", equalTo(putin))
                .body("toId", equalTo(russia))
                .body("since", equalTo("2012-05-07"));

        given().when().get("/actors/" + putin + "/relationships")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].toId", equalTo(russia));
        given().when().get("/actors/" + russia + "/relationships")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].fromId", equalTo(putin));
    }

    @Test
    void listsRelationshipsOfSeveralActorsOnce() {
        String token = Fixtures.token();
        String trump = Fixtures.createId("PERSON", "Donald Trump " + token);
        String kushner = Fixtures.createId("PERSON", "Jared Kushner " + token);
        String witkoff = Fixtures.createId("PERSON", "Steve Witkoff " + token);
        String usa = Fixtures.createId("STATE", "United States " + token);
        String other = Fixtures.createId("STATE", "Elsewhere " + token);
        String relative = add(kushner, relationship("RELATIVE_OF", "son-in-law", trump));
        String envoy = add(witkoff, relationship("REPRESENTS", "Special Envoy", usa));
        add(other, relationship("MEMBER_OF", null, usa));

        given().queryParam("actors", trump + "," + kushner + "," + witkoff)
                .when().get("/relationships")
                .then().statusCode(200)
                .body("id", containsInAnyOrder(relative, envoy));
        given().queryParam("actors", UUID.randomUUID().toString()).when().get("/relationships")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void rejectsAnUnknownTarget() {
        String from = Fixtures.createId("PERSON", "Lonely " + Fixtures.token());
        given().contentType(ContentType.JSON).body(relationship("MEMBER_OF", null, UUID.randomUUID().toString()))
                .when().post("/actors/" + from + "/relationships")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("toId"));
        given().when().get("/actors/" + from + "/relationships").then().body("$", empty());
    }

    @Test
    void rejectsAnInvertedPeriodAndBadValues() {
        String token = Fixtures.token();
        String from = Fixtures.createId("PERSON", "From " + token);
        String to = Fixtures.createId("STATE", "To " + token);
        Map<String, Object> inverted = relationship("HOLDS_OFFICE_IN", "President", to);
        inverted.put("since", "2020-01-01");
        inverted.put("until", "2019-12-31");
        given().contentType(ContentType.JSON).body(inverted).when().post("/actors/" + from + "/relationships")
                .then().statusCode(400).header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("until"));

        Map<String, Object> badDate = relationship("HOLDS_OFFICE_IN", "President", to);
        badDate.put("since", "2020-13-01");
        given().contentType(ContentType.JSON).body(badDate).when().post("/actors/" + from + "/relationships")
                .then().statusCode(400).header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("since"))
                .body("violations[0].message", containsString("yyyy-mm-dd"));

        given().contentType(ContentType.JSON).body(relationship("FRIEND_OF", null, to))
                .when().post("/actors/" + from + "/relationships")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("HOLDS_OFFICE_IN, MEMBER_OF, REPRESENTS, RELATIVE_OF"));

        given().contentType(ContentType.JSON).body(relationship("MEMBER_OF", null, "not-a-uuid"))
                .when().post("/actors/" + from + "/relationships")
                .then().statusCode(400).body("violations[0].field", equalTo("toId"));

        given().contentType(ContentType.JSON).body(relationship("MEMBER_OF", null, from))
                .when().post("/actors/" + from + "/relationships")
                .then().statusCode(400).body("violations[0].field", equalTo("toId"));

        given().contentType(ContentType.JSON).body(Map.of("title", "x"))
                .when().post("/actors/" + from + "/relationships")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("toId", "type"));

        given().when().get("/actors/" + from + "/relationships").then().body("$", empty());
    }

    @Test
    void answers404ForAnUnknownActor() {
        String to = Fixtures.createId("STATE", "Target " + Fixtures.token());
        given().contentType(ContentType.JSON).body(relationship("MEMBER_OF", null, to))
                .when().post("/actors/" + UUID.randomUUID() + "/relationships")
                .then().statusCode(404).header("Content-Type", startsWith(PROBLEM));
        given().when().get("/actors/" + UUID.randomUUID() + "/relationships")
                .then().statusCode(404).header("Content-Type", startsWith(PROBLEM));
    }

    @Test
    void removesARelationship() {
        String token = Fixtures.token();
        String from = Fixtures.createId("PERSON", "Member " + token);
        String to = Fixtures.createId("ORGANIZATION", "Club " + token);
        String id = add(from, relationship("MEMBER_OF", null, to));
        given().when().delete("/actors/" + to + "/relationships/" + UUID.randomUUID()).then().statusCode(404);
        given().when().delete("/actors/" + from + "/relationships/" + id).then().statusCode(204);
        given().when().get("/actors/" + from + "/relationships").then().body("$", empty());
        given().when().delete("/actors/" + from + "/relationships/" + id)
                .then().statusCode(404).header("Content-Type", startsWith(PROBLEM));
        given().when().delete("/actors/" + from + "/relationships/nope")
                .then().statusCode(400).body("violations[0].field", equalTo("relationshipId"));
    }

    @Test
    void onlyTheActorsOwnRelationshipCanBeRemovedThroughIt() {
        String token = Fixtures.token();
        String a = Fixtures.createId("PERSON", "A " + token);
        String b = Fixtures.createId("PERSON", "B " + token);
        String c = Fixtures.createId("PERSON", "C " + token);
        String id = add(a, relationship("RELATIVE_OF", "brother", b));
        given().when().delete("/actors/" + c + "/relationships/" + id).then().statusCode(404);
        given().when().get("/actors/" + a + "/relationships").then().body("$", hasSize(1));
    }

    @Test
    void deletingAnActorRemovesItsRelationships() {
        String token = Fixtures.token();
        String envoy = Fixtures.createId("PERSON", "Envoy " + token);
        String state = Fixtures.createId("STATE", "State " + token);
        add(envoy, relationship("REPRESENTS", "Special Envoy", state));
        given().when().delete("/actors/" + envoy).then().statusCode(204);
        given().when().get("/actors/" + state + "/relationships").then().statusCode(200).body("$", empty());
        given().queryParam("actors", envoy).when().get("/relationships").then().body("$", empty());
    }

    @Test
    void rejectsMalformedOrTooManyActorIdsInBulk() {
        given().queryParam("actors", "nope").when().get("/relationships")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("actors"));
        StringBuilder ids = new StringBuilder(UUID.randomUUID().toString());
        for (int i = 0; i < 500; i++) {
            ids.append(',').append(UUID.randomUUID());
        }
        given().queryParam("actors", ids.toString()).when().get("/relationships")
                .then().statusCode(400).body("violations[0].field", equalTo("actors"));
    }
}
