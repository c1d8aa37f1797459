package org.parley.events.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ImportProgressResourceTest {

    private static String feed() {
        return "test-" + UUID.randomUUID();
    }

    private static Map<String, Object> update(String lastFile, Long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("lastFile", lastFile);
        body.put("version", version);
        return body;
    }

    @Test
    void returns404ForAFeedWithNothingRecorded() {
        given().get("/imports/" + feed()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void recordsTheFirstFileThenMovesOnFromTheVersionItWasAt() {
        String feed = feed();
        given().contentType(ContentType.JSON).body(update("20191024143000.export.CSV.zip", null))
                .put("/imports/" + feed).then().statusCode(200)
                .body("feed", equalTo(feed)).body("version", equalTo(1)).body("updatedAt", notNullValue());
        given().contentType(ContentType.JSON).body(update("20191024144500.export.CSV.zip", 1L))
                .put("/imports/" + feed).then().statusCode(200).body("version", equalTo(2));
        given().get("/imports/" + feed).then().statusCode(200)
                .body("lastFile", equalTo("20191024144500.export.CSV.zip")).body("version", equalTo(2));
    }

    @Test
    void returns409WhenTheFeedMovedOnSinceItWasRead() {
        String feed = feed();
        given().contentType(ContentType.JSON).body(update("a.zip", null)).put("/imports/" + feed).then().statusCode(200);
        given().contentType(ContentType.JSON).body(update("b.zip", 1L)).put("/imports/" + feed).then().statusCode(200);
        given().contentType(ContentType.JSON).body(update("c.zip", 1L)).put("/imports/" + feed)
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(update("c.zip", null)).put("/imports/" + feed).then().statusCode(409);
        given().get("/imports/" + feed).then().body("lastFile", equalTo("b.zip"));
    }

    @Test
    void onlyOneOfManyImportersMovingFromTheSameVersionSucceeds() {
        String feed = feed();
        given().contentType(ContentType.JSON).body(update("a.zip", null)).put("/imports/" + feed).then().statusCode(200);
        List<CompletableFuture<Integer>> moves = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> given().contentType(ContentType.JSON).body(update("b" + i + ".zip", 1L)).put("/imports/" + feed)
                        .then().extract().statusCode())).toList();
        List<Integer> statuses = moves.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(200, 409, 409, 409, 409, 409, 409, 409), statuses);
        given().get("/imports/" + feed).then().body("version", equalTo(2));
    }

    @Test
    void returns400ForABadFeedNameOrFile() {
        given().get("/imports/Not A Feed").then().statusCode(400).body("violations[0].field", equalTo("feed"));
        given().contentType(ContentType.JSON).body(update("", null)).put("/imports/" + feed())
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(update("a.zip", 0L)).put("/imports/" + feed()).then().statusCode(400);
    }
}
