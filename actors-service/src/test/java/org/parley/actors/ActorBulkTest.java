package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActorBulkTest {

    @Test
    void keepsTheRequestedOrderAndDropsUnknownIds() {
        String token = Fixtures.token();
        String a = Fixtures.createId("PERSON", "Alpha " + token);
        String b = Fixtures.createId("PERSON", "Bravo " + token);
        String c = Fixtures.createId("PERSON", "Charlie " + token);
        String unknown = UUID.randomUUID().toString();
        given().queryParam("ids", String.join(",", c, unknown, a, b, a))
                .when().get("/actors")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(c, a, b)))
                .body("totalCount", equalTo(3))
                .body("nextCursor", nullValue());
    }

    @Test
    void acceptsRepeatedIdsParameters() {
        String a = Fixtures.createId("PERSON", "Repeat A " + Fixtures.token());
        String b = Fixtures.createId("PERSON", "Repeat B " + Fixtures.token());
        given().queryParam("ids", b).queryParam("ids", a).when().get("/actors")
                .then().statusCode(200).body("items.id", equalTo(List.of(b, a)));
    }

    @Test
    void answersInOneSqlStatement() {
        String token = Fixtures.token();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(Fixtures.createId("GROUP", "Bulk " + i + " " + token, "alias " + i));
        }
        ids.add(UUID.randomUUID().toString());
        try (SqlStatementCounter counter = SqlStatementCounter.start()) {
            given().queryParam("ids", String.join(",", ids)).when().get("/actors")
                    .then().statusCode(200).body("items.size()", equalTo(25));
            assertEquals(1, counter.statements().size(), () -> "statements: " + counter.statements());
        }
        // The counter really counts: a search page runs two statements (rows and total).
        try (SqlStatementCounter counter = SqlStatementCounter.start()) {
            given().queryParam("text", token).when().get("/actors").then().statusCode(200);
            assertEquals(2, counter.statements().size(), () -> "statements: " + counter.statements());
        }
    }

    @Test
    void rejectsMoreThan500Ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        given().queryParam("ids", String.join(",", ids)).when().get("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("ids"));
        given().queryParam("ids", String.join(",", ids.subList(0, 500))).when().get("/actors")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void rejectsMalformedIds() {
        given().queryParam("ids", UUID.randomUUID() + ",nope").when().get("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("ids"));
    }

    @Test
    void rejectsIdsCombinedWithSearch() {
        given().queryParam("ids", UUID.randomUUID().toString()).queryParam("text", "x").when().get("/actors")
                .then().statusCode(400).body("violations[0].field", equalTo("ids"));
    }
}
