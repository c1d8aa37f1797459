package org.parley.events.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.unique;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.common.idempotency.testing.AnswerDroppingProxy;
import org.parley.common.idempotency.testing.Concurrently;
import org.parley.events.Fixtures;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Idempotency-Key on recordEvent, recordEvents, addSource, linkEvents and createPlace. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL base;

    @Test
    void recordEventRetriedWithItsKeyReplaysTheFirstEventAndWritesOnce() {
        String title = unique("Keyed talks");
        String key = UUID.randomUUID().toString();
        Response first = post("/events", key, event(title, "036", "2025-11-27"));
        Response retry = post("/events", key, event(title, "036", "2025-11-27"));

        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(201, retry.statusCode(), retry.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(1, eventsTitled(title));
    }

    @Test
    void addSourceRetriedWithItsKeyAppendsOneSource() {
        String id = Fixtures.recordId(event(unique("Sourced"), "036", "2025-11-27"));
        String key = UUID.randomUUID().toString();
        Map<String, Object> source = Map.of("url", "https://example.org/" + key, "publisher", "Example");
        Response first = post("/events/" + id + "/sources", key, source);
        Response retry = post("/events/" + id + "/sources", key, source);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(1, count("select count(*) from event_source where event_id = $1", UUID.fromString(id)));
    }

    @Test
    void createPlaceRetriedWithItsKeyCreatesOnePlace() {
        String name = unique("Keyed town");
        String key = UUID.randomUUID().toString();
        Map<String, Object> place = Map.of("name", name, "kind", "CITY");
        Response first = post("/places", key, place);
        Response retry = post("/places", key, place);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(1, count("select count(*) from place where name = $1", name));
    }

    @Test
    void recordEventsRetriedWithItsKeyReplaysTheBatchResult() {
        String title = unique("Batched without external ids");
        String key = UUID.randomUUID().toString();
        Map<String, Object> batch = Map.of("items", List.of(event(title, "036", "2025-11-27")));
        Response first = post("/events/batch", key, batch);
        Response retry = post("/events/batch", key, batch);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(1, first.jsonPath().getInt("inserted"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(1, eventsTitled(title));
    }

    @Test
    void returns422ForTheSameKeyWithAnotherBodyAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        post("/events", key, event(unique("First"), "036", "2025-11-27")).then().statusCode(201);
        String other = unique("Second");
        post("/events", key, event(other, "036", "2025-11-27")).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:parley:problem:idempotency-key-reused"));
        assertEquals(0, eventsTitled(other));
    }

    @Test
    void returns400ForAMalformedKeyAndWritesNothing() {
        String title = unique("Badly keyed");
        for (String key : List.of("has space", "x".repeat(256), "\"\"")) {
            post("/events", key, event(title, "036", "2025-11-27")).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("Idempotency-Key"));
        }
        assertEquals(0, eventsTitled(title));
    }

    @Test
    void aRejectedWriteLeavesItsKeyFree() {
        String key = UUID.randomUUID().toString();
        String title = unique("Corrected");
        post("/events", key, event(title, "999", "2025-11-27")).then().statusCode(400);
        post("/events", key, event(title, "036", "2025-11-27")).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(1, eventsTitled(title));
    }

    @Test
    void concurrentRequestsWithOneKeyRecordExactlyOneEvent() throws Exception {
        String title = unique("Raced");
        String key = UUID.randomUUID().toString();
        List<Response> responses = Concurrently.run(6, () -> post("/events", key, event(title, "036", "2025-11-27")));
        List<String> ids = new ArrayList<>();
        for (Response response : responses) {
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.asString());
            if (response.statusCode() == 201) {
                ids.add(response.jsonPath().getString("id"));
            } else {
                assertEquals("urn:parley:problem:idempotency-key-in-flight", response.jsonPath().getString("type"));
            }
        }
        assertEquals(1, eventsTitled(title));
        assertEquals(1, ids.stream().distinct().count(), "every 201 names the one event: " + ids);
    }

    @Test
    void retryAfterADroppedAnswerGetsTheFirstEventAndOneRowIsStored() throws Exception {
        String title = unique("Lost answer");
        String key = UUID.randomUUID().toString();
        String json = "{\"title\":\"" + title + "\",\"code\":\"036\",\"status\":\"OCCURRED\",\"start\":\"2025-11-27\"}";
        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(base.getPort())) {
            proxy.postAndLoseTheAnswer("/events", key, json);
        }
        assertEquals(1, eventsTitled(title), "the write committed although its answer was lost");

        Response retry = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(json)
                .when().post("/events").andReturn();
        assertEquals(201, retry.statusCode(), retry.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(title, retry.jsonPath().getString("title"));
        assertEquals(1, count("select count(*) from event where id = $1",
                UUID.fromString(retry.jsonPath().getString("id"))));
        assertEquals(1, eventsTitled(title));
    }

    private static Response post(String path, String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(path).andReturn();
    }

    private long eventsTitled(String title) {
        return count("select count(*) from event where title = $1", title);
    }

    private long count(String sql, Object param) {
        return pool.preparedQuery(sql).execute(Tuple.of(param)).await().indefinitely().iterator().next().getLong(0);
    }
}
