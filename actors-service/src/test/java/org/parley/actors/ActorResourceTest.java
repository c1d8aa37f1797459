package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActorResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createsAndReadsAnActor() {
        String name = "Vladimir Putin " + Fixtures.token();
        Map<String, Object> body = Fixtures.actor("PERSON", name, "Putin");
        body.put("country", "RUS");
        body.put("cameoCode", "RUSGOV");
        body.put("description", "President of Russia");

        String location = given().contentType(ContentType.JSON).body(body)
                .when().post("/actors")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("kind", equalTo("PERSON"))
                .body("name", equalTo(name))
                .body("aliases", equalTo(List.of("Putin")))
                .body("country", equalTo("RUS"))
                .body("cameoCode", equalTo("RUSGOV"))
                .body("wikidataId", nullValue())
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract().header("Location");

        JsonPath created = given().when().get(location).then().statusCode(200)
                .header("ETag", "\"0\"")
                .extract().jsonPath();
        assertEquals(name, created.getString("name"));
        assertEquals("President of Russia", created.getString("description"));
        given().when().get("/actors/" + created.getString("id")).then().statusCode(200)
                .body("id", equalTo(created.getString("id")));
    }

    @Test
    void returns404ProblemForUnknownActor() {
        given().when().get("/actors/" + UUID.randomUUID())
                .then().statusCode(404)
                .header("Content-Type", startsWith(PROBLEM))
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("type", notNullValue());
    }

    @Test
    void rejectsMalformedUuidInPathWith400() {
        given().when().get("/actors/not-a-uuid")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].message", containsString("not a UUID"));
    }

    @Test
    void rejectsUnknownKindListingTheAllowedValues() {
        given().contentType(ContentType.JSON).body("{\"kind\":\"ALIEN\",\"name\":\"Zorg " + Fixtures.token() + "\"}")
                .when().post("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("'ALIEN'"))
                .body("violations[0].message", containsString("PERSON, STATE, ORGANIZATION, GROUP"))
                .body(not(containsString("org.parley")))
                .body(not(containsString("Exception")));
    }

    @Test
    void rejectsANumberAsKind() {
        given().contentType(ContentType.JSON).body("{\"kind\":1,\"name\":\"Numbered\"}")
                .when().post("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void reportsEveryInvalidFieldWithItsPath() {
        String token = Fixtures.token();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "aliases", List.of("ok", ""), "country", "XXX",
                        "wikidataId", "7747", "cameoCode", "rus gov"))
                .when().post("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("type", equalTo("urn:parley:problem:validation"))
                .body("violations.field", equalTo(List.of("aliases[1]", "cameoCode", "country", "kind", "name", "wikidataId")))
                .body("violations.find { it.field == 'country' }.message", containsString("ISO 3166-1 alpha-3"))
                .body("violations.find { it.field == 'kind' }.message", containsString("PERSON"));
        // Nothing was written.
        given().queryParam("text", token).when().get("/actors").then().statusCode(200).body("totalCount", equalTo(0));
    }

    @Test
    void rejectsLowerCaseCountryCode() {
        Map<String, Object> body = Fixtures.actor("STATE", "Ukraine " + Fixtures.token());
        body.put("country", "ukr");
        given().contentType(ContentType.JSON).body(body).when().post("/actors")
                .then().statusCode(400).body("violations[0].field", equalTo("country"));
    }

    @Test
    void rejectsMalformedJsonWith400() {
        given().contentType(ContentType.JSON).body("{\"kind\":\"PERSON\", \"name\": ")
                .when().post("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("title", equalTo("Malformed JSON"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void rejectsWrongJsonTypeWithFieldPath() {
        given().contentType(ContentType.JSON).body("{\"kind\":\"PERSON\",\"name\":\"A\",\"aliases\":\"Putin\"}")
                .when().post("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("aliases"));
        given().contentType(ContentType.JSON).body("{\"kind\":\"PERSON\",\"name\":\"A\",\"aliases\":[[\"x\"]]}")
                .when().post("/actors")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("aliases[0]"));
    }

    @Test
    void rejectsMissingBody() {
        given().contentType(ContentType.JSON)
                .when().post("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].message", equalTo("a JSON body is required"));
    }

    @Test
    void rejectsNonJsonContentTypeWith415Problem() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/actors")
                .then().statusCode(415)
                .header("Content-Type", startsWith(PROBLEM));
    }

    @Test
    void answersUnknownPathsWithProblem() {
        given().when().get("/nothing-here").then().statusCode(404).header("Content-Type", startsWith(PROBLEM));
    }

    @Test
    void refusesADuplicateWikidataIdWith409() {
        String qid = "Q" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Map<String, Object> first = Fixtures.actor("PERSON", "First " + Fixtures.token());
        first.put("wikidataId", qid);
        Fixtures.create(first);
        String token = Fixtures.token();
        Map<String, Object> second = Fixtures.actor("PERSON", "Second " + token);
        second.put("wikidataId", qid);
        given().contentType(ContentType.JSON).body(second).when().post("/actors")
                .then().statusCode(409)
                .header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("wikidataId"));
        given().queryParam("text", token).when().get("/actors").then().body("totalCount", equalTo(0));
    }

    @Test
    void updatesWithTheCurrentVersionInTheBody() {
        String id = Fixtures.createId("PERSON", "Volodymyr Zelensky " + Fixtures.token());
        Map<String, Object> body = Fixtures.actor("PERSON", "Volodymyr Zelenskyy", "Zelensky", "Zelenskyy");
        body.put("country", "UKR");
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body)
                .when().put("/actors/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("name", equalTo("Volodymyr Zelenskyy"))
                .body("aliases", equalTo(List.of("Zelensky", "Zelenskyy")))
                .body("country", equalTo("UKR"));
        given().when().get("/actors/" + id).then().body("version", equalTo(1)).body("country", equalTo("UKR"));
    }

    @Test
    void updatesWithIfMatch() {
        String id = Fixtures.createId("STATE", "Ukraine " + Fixtures.token());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.actor("STATE", "Ukraine", "Україна"))
                .when().put("/actors/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void staleVersionGives409AndChangesNothing() {
        String name = "Original " + Fixtures.token();
        String id = Fixtures.createId("PERSON", name);
        Map<String, Object> first = Fixtures.actor("PERSON", name + " renamed");
        first.put("version", 0);
        given().contentType(ContentType.JSON).body(first).when().put("/actors/" + id).then().statusCode(200);

        Map<String, Object> stale = Fixtures.actor("GROUP", "Overwritten");
        stale.put("version", 0);
        given().contentType(ContentType.JSON).body(stale)
                .when().put("/actors/" + id)
                .then().statusCode(409)
                .header("Content-Type", startsWith(PROBLEM))
                .body("type", equalTo("urn:parley:problem:stale-version"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Fixtures.actor("GROUP", "Overwritten"))
                .when().put("/actors/" + id)
                .then().statusCode(409);

        given().when().get("/actors/" + id).then().statusCode(200)
                .body("name", equalTo(name + " renamed"))
                .body("kind", equalTo("PERSON"))
                .body("version", equalTo(1));
    }

    @Test
    void updateWithoutVersionGives428() {
        String id = Fixtures.createId("PERSON", "Unversioned " + Fixtures.token());
        given().contentType(ContentType.JSON).body(Fixtures.actor("PERSON", "Changed"))
                .when().put("/actors/" + id)
                .then().statusCode(428)
                .header("Content-Type", startsWith(PROBLEM))
                .body("violations[0].field", equalTo("version"));
        given().when().get("/actors/" + id).then().body("version", equalTo(0)).body("name", startsWith("Unversioned"));
    }

    @Test
    void updateOfUnknownActorGives404() {
        Map<String, Object> body = Fixtures.actor("PERSON", "Nobody");
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body)
                .when().put("/actors/" + UUID.randomUUID())
                .then().statusCode(404).header("Content-Type", startsWith(PROBLEM));
    }

    @Test
    void invalidUpdateChangesNothing() {
        String name = "Stable " + Fixtures.token();
        String id = Fixtures.createId("PERSON", name);
        Map<String, Object> body = Fixtures.actor("PERSON", "");
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body).when().put("/actors/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"kind\":\"PERSON\",\"name\":\"X\",\"version\":3}")
                .when().put("/actors/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("version"));
        given().contentType(ContentType.JSON).header("If-Match", "yesterday").body(Fixtures.actor("PERSON", "X"))
                .when().put("/actors/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("If-Match"));
        given().when().get("/actors/" + id).then().body("name", equalTo(name)).body("version", equalTo(0));
    }

    @Test
    void deletesAnActor() {
        String id = Fixtures.createId("GROUP", "Ephemeral " + Fixtures.token());
        given().when().delete("/actors/" + id).then().statusCode(204);
        given().when().get("/actors/" + id).then().statusCode(404);
        given().when().delete("/actors/" + id).then().statusCode(404).header("Content-Type", startsWith(PROBLEM));
    }

    @Test
    void locationAndBodyNameTheSameNewActor() {
        var response = given().contentType(ContentType.JSON)
                .body(Fixtures.actor("ORGANIZATION", "European Commission " + Fixtures.token()))
                .when().post("/actors")
                .then().statusCode(201).extract();
        String id = response.jsonPath().getString("id");
        assertTrue(response.header("Location").endsWith("/actors/" + id), response.header("Location"));
    }
}
