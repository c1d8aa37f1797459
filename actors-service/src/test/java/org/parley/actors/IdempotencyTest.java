package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.idempotency.IdempotencyPurge;
import org.parley.common.idempotency.testing.AnswerDroppingProxy;
import org.parley.common.idempotency.testing.Concurrently;

/** Idempotency-Key on the creating writes: a retry answers with the first result and writes once. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    Pool pool;

    @Inject
    IdempotencyPurge purge;

    @TestHTTPResource("/")
    URL base;

    @Test
    void retryWithTheSameKeyReplaysTheFirstAnswerAndWritesOnce() {
        String name = "Keyed " + Fixtures.token();
        String key = UUID.randomUUID().toString();
        Response first = post("/actors", key, Fixtures.actor("PERSON", name));
        Response retry = post("/actors", key, Fixtures.actor("PERSON", name));

        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(null, first.header("Idempotent-Replayed"));
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(1, actorsNamed(name));
    }

    @Test
    void keyMayBeSentAsAStructuredFieldString() {
        String name = "Quoted " + Fixtures.token();
        String key = UUID.randomUUID().toString();
        String id = post("/actors", "\"" + key + "\"", Fixtures.actor("PERSON", name)).jsonPath().getString("id");
        Response retry = post("/actors", key, Fixtures.actor("PERSON", name));
        assertEquals(id, retry.jsonPath().getString("id"));
        assertEquals(1, actorsNamed(name));
    }

    @Test
    void writesWithoutAKeyAreNotDeduplicated() {
        String name = "Unkeyed " + Fixtures.token();
        Fixtures.create(Fixtures.actor("PERSON", name));
        Fixtures.create(Fixtures.actor("PERSON", name));
        assertEquals(2, actorsNamed(name));
    }

    @Test
    void returns422ForTheSameKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        String name = "First " + Fixtures.token();
        post("/actors", key, Fixtures.actor("PERSON", name)).then().statusCode(201);
        String other = "Second " + Fixtures.token();
        post("/actors", key, Fixtures.actor("PERSON", other)).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:parley:problem:idempotency-key-reused"));
        assertEquals(0, actorsNamed(other));
    }

    @Test
    void returns422ForTheSameKeyOnAnotherPath() {
        String key = UUID.randomUUID().toString();
        String from = Fixtures.createId("PERSON", "From " + Fixtures.token());
        String to = Fixtures.createId("STATE", "To " + Fixtures.token());
        post("/actors/" + from + "/relationships", key, Map.of("type", "REPRESENTS", "toId", to)).then().statusCode(201);
        post("/actors/" + to + "/relationships", key, Map.of("type", "REPRESENTS", "toId", from)).then()
                .statusCode(422).body("type", equalTo("urn:parley:problem:idempotency-key-reused"));
    }

    @Test
    void returns400ForAMalformedKeyAndWritesNothing() {
        String name = "Badly keyed " + Fixtures.token();
        for (String key : List.of("\"\"", "has space", "x".repeat(256), "naïve", "back\\slash")) {
            post("/actors", key, Fixtures.actor("PERSON", name)).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("Idempotency-Key"));
        }
        assertEquals(0, actorsNamed(name));
    }

    @Test
    void aFailedWriteLeavesItsKeyFreeForTheCorrectedRequest() {
        String key = UUID.randomUUID().toString();
        String name = "Corrected " + Fixtures.token();
        post("/actors", key, Map.of("kind", "ALIEN", "name", name)).then().statusCode(400);
        post("/actors", key, Fixtures.actor("PERSON", name)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(1, actorsNamed(name));
    }

    @Test
    void addRelationshipReplaysTheFirstRelationship() {
        String key = UUID.randomUUID().toString();
        String from = Fixtures.createId("PERSON", "Envoy " + Fixtures.token());
        String to = Fixtures.createId("STATE", "State " + Fixtures.token());
        Map<String, Object> body = Map.of("type", "REPRESENTS", "title", "Special Envoy", "toId", to);
        Response first = post("/actors/" + from + "/relationships", key, body);
        Response retry = post("/actors/" + from + "/relationships", key, body);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(1, count("select count(*) from relationship where from_id = $1", UUID.fromString(from)));
    }

    @Test
    void concurrentRequestsWithOneKeyWriteExactlyOnce() throws Exception {
        String name = "Raced " + Fixtures.token();
        String key = UUID.randomUUID().toString();
        List<Response> responses = Concurrently.run(6, () -> post("/actors", key, Fixtures.actor("PERSON", name)));
        List<String> ids = new ArrayList<>();
        for (Response response : responses) {
            // the first writes, the others either waited for nothing (409, still in flight) or replay
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.asString());
            if (response.statusCode() == 201) {
                ids.add(response.jsonPath().getString("id"));
            } else {
                assertEquals("urn:parley:problem:idempotency-key-in-flight", response.jsonPath().getString("type"));
            }
        }
        assertEquals(1, actorsNamed(name));
        assertEquals(1, ids.stream().distinct().count(), "every 201 names the one actor: " + ids);
    }

    @Test
    void retryAfterADroppedAnswerGetsTheFirstResultAndOneRowIsStored() throws Exception {
        String name = "Lost answer " + Fixtures.token();
        String key = UUID.randomUUID().toString();
        String json = "{\"kind\":\"PERSON\",\"name\":\"" + name + "\"}";
        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(base.getPort())) {
            proxy.postAndLoseTheAnswer("/actors", key, json);
        }
        assertEquals(1, actorsNamed(name), "the write committed although its answer was lost");

        Response retry = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(json)
                .when().post("/actors").andReturn();
        assertEquals(201, retry.statusCode(), retry.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(name, retry.jsonPath().getString("name"));
        assertEquals(retry.jsonPath().getString("id"), idOfActorNamed(name));
        assertEquals(1, actorsNamed(name));
    }

    @Test
    void anExpiredKeyIsNotReplayedAndThePurgeDeletesOnlyExpiredKeys() {
        String name = "Expiring " + Fixtures.token();
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        post("/actors", expired, Fixtures.actor("PERSON", name)).then().statusCode(201);
        post("/actors", live, Fixtures.actor("PERSON", "Live " + Fixtures.token())).then().statusCode(201);
        pool.preparedQuery("update idempotency_key set expires_at = now() - interval '1 second' where key = $1")
                .execute(Tuple.of(expired)).await().indefinitely();

        post("/actors", expired, Fixtures.actor("PERSON", name)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(2, actorsNamed(name), "an expired key guards nothing");

        pool.preparedQuery("update idempotency_key set expires_at = now() - interval '1 second' where key = $1")
                .execute(Tuple.of(expired)).await().indefinitely();
        assertTrue(purge.purgeExpired().await().indefinitely() >= 1);
        assertEquals(0, count("select count(*) from idempotency_key where key = $1", expired));
        assertEquals(1, count("select count(*) from idempotency_key where key = $1"
                + " and expires_at > now() + interval '23 hours 59 minutes'", live), "kept for 24 h");
    }

    private static Response post(String path, String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(path).andReturn();
    }

    private long actorsNamed(String name) {
        return count("select count(*) from actor where name = $1", name);
    }

    private String idOfActorNamed(String name) {
        return pool.preparedQuery("select id from actor where name = $1").execute(Tuple.of(name))
                .await().indefinitely().iterator().next().getUUID(0).toString();
    }

    private long count(String sql, Object param) {
        return pool.preparedQuery(sql).execute(Tuple.of(param)).await().indefinitely().iterator().next().getLong(0);
    }

}
