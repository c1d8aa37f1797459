package org.parley.events.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.ids;
import static org.parley.events.Fixtures.list;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.place;
import static org.parley.events.Fixtures.record;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** recordEvents (POST /events/batch) writes set-based: what it stores, and in how many statements. */
@QuarkusTest
class EventBatchTest {

    @Inject
    Pool pool;

    @Test
    void storesEachItemAsRecordEventStoresIt() {
        Map<String, Object> single = richEvent(unique("single"), "gdelt:" + UUID.randomUUID(), places());
        Map<String, Object> batched = with(single, "externalIds", list("gdelt:" + UUID.randomUUID()));
        String singleId = record(single).statusCode(201).extract().path("id");
        String batchedId = given().contentType(ContentType.JSON).body(Map.of("items", List.of(batched)))
                .post("/events/batch").then().statusCode(200).body("inserted", equalTo(1)).extract().path("ids[0]");

        JsonPath a = given().get("/events/" + singleId).then().statusCode(200).extract().jsonPath();
        JsonPath b = given().get("/events/" + batchedId).then().statusCode(200).extract().jsonPath();
        for (String field : List.of("title", "summary", "code", "goldstein", "quadClass", "rootCode", "status", "start",
                "end", "precision", "locationId", "subjectIds", "participants", "metrics", "version", "related",
                "sources.url", "sources.publisher", "sources.title", "sources.publishedAt", "sources.excerpt")) {
            assertEquals(a.<Object>get(field), b.<Object>get(field), field);
        }
        assertEquals(2, b.getList("participants").size(), "the duplicate (actor, role) pair is stored once");
        assertEquals(1, b.getList("subjectIds").size(), "the repeated subject is stored once");
    }

    @Test
    void writesInTheSameNumberOfStatementsWhateverItsSize() {
        int few = batchStatements(2);
        int many = batchStatements(60);
        assertEquals(few, many, "statements for 2 items vs 60 items");
    }

    @Test
    void anItemsSearchVectorIsTheOneAReplacementComputes() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
        Map<String, Object> item = with(event(unique("searched"), "042", "2025-10-01"),
                "summary", "talks about the border",
                "sources", List.of(Map.of("url", "https://example.org/1", "title", "first " + word, "excerpt", "said so"),
                        Map.of("title", "Radio Example", "publisher", "Radio Example")));
        String id = given().contentType(ContentType.JSON).body(Map.of("items", List.of(item))).post("/events/batch")
                .then().statusCode(200).extract().path("ids[0]");
        assertEquals(List.of(id), ids("text", word), "found by a word of a source's title");

        String asInserted = search(id);
        // a replacement without sources keeps them and recomputes the vector from the stored rows
        given().contentType(ContentType.JSON).body(with(item, "sources", null, "version", 0)).put("/events/" + id)
                .then().statusCode(200);
        assertEquals(search(id), asInserted);
    }

    private int batchStatements(int size) {
        List<String> places = places();
        List<Map<String, Object>> items = new ArrayList<>();
        IntStream.range(0, size).forEach(i -> items.add(richEvent(unique("batch " + i), "gdelt:" + UUID.randomUUID(), places)));
        String statements = given().contentType(ContentType.JSON).body(Map.of("items", items)).post("/events/batch")
                .then().statusCode(200).body("inserted", equalTo(size)).extract().header("Parley-Sql-Statements");
        return Integer.parseInt(statements);
    }

    /** A country and a region in it. */
    private static List<String> places() {
        String country = place("Ukraine", "COUNTRY", null);
        return List.of(country, place("Donbas", "REGION", country));
    }

    /** An event with every kind of child, duplicates included, at {@code places[0]} about {@code places[1]}. */
    private static Map<String, Object> richEvent(String title, String externalId, List<String> places) {
        String ukraine = places.get(0);
        String donbas = places.get(1);
        String putin = actor();
        String zelensky = actor();
        return with(event(title, "106", "2025-11-27"),
                "summary", "a demand",
                "end", "2025-12-02",
                "precision", "WEEK",
                "locationId", ukraine,
                "subjectIds", list(donbas, donbas),
                "participants", participants(putin, "SOURCE", zelensky, "TARGET", putin, "SOURCE"),
                "sources", List.of(
                        Map.of("url", "https://example.org/a", "publisher", "Example", "publishedAt", "2025-11-27T14:00:00Z",
                                "excerpt", "troops must withdraw", "speakerId", putin),
                        Map.of("title", "BBC Monitoring", "publisher", "BBC Monitoring")),
                "externalIds", list(externalId, externalId),
                "metrics", Map.of("numArticles", 3.0, "avgTone", -2.5));
    }

    private String search(String id) {
        return pool.preparedQuery("select search::text from event where id = $1").execute(Tuple.of(UUID.fromString(id)))
                .await().indefinitely().iterator().next().getString(0);
    }
}
