package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResolveActorsTest {

    private static Map<String, Object> item(String cameoCode, String name, String country) {
        Map<String, Object> item = new HashMap<>();
        item.put("cameoCode", cameoCode);
        item.put("name", name);
        item.put("country", country);
        return item;
    }

    private static JsonPath resolve(List<Map<String, Object>> items) {
        return given().contentType(ContentType.JSON).body(Map.of("items", items))
                .when().post("/actors/resolve")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void createsMissingActorsOnceAndAnswersInRequestOrder() {
        String token = Fixtures.token();
        List<Map<String, Object>> items = List.of(
                item("RUSGOV", "VLADIMIR PUTIN " + token, "RUS"),
                item("UKR", "Ukraine " + token, "UKR"),
                item("RUSGOV", "  Vladimir   Putin " + token + " ", null),  // same key: folded name
                item(null, "Somebody " + token, null));
        JsonPath first = resolve(items);
        List<String> ids = first.getList("items.id", String.class);
        assertEquals(4, ids.size());
        assertEquals(ids.get(0), ids.get(2), "same (code, folded name) is one actor");
        assertEquals(List.of(true, true, false, true), first.getList("items.created", Boolean.class));
        assertEquals(3, new HashSet<>(ids).size());

        JsonPath second = resolve(items);
        assertEquals(ids, second.getList("items.id", String.class));
        assertEquals(List.of(false, false, false, false), second.getList("items.created", Boolean.class));

        given().when().get("/actors/" + ids.get(0)).then().statusCode(200)
                .body("name", equalTo("VLADIMIR PUTIN " + token))
                .body("cameoCode", equalTo("RUSGOV"))
                .body("country", equalTo("RUS"))
                .body("kind", equalTo("GROUP"));
        given().when().get("/actors/" + ids.get(1)).then().body("kind", equalTo("STATE"));
        given().queryParam("text", token).when().get("/actors").then().body("totalCount", equalTo(3));
    }

    @Test
    void findsAnActorCreatedByHandWithTheSameCodeAndName() {
        String token = Fixtures.token();
        Map<String, Object> putin = Fixtures.actor("PERSON", "Vladimir Putin " + token, "Putin");
        putin.put("cameoCode", "RUSGOV");
        String id = Fixtures.create(putin).getString("id");

        JsonPath answer = resolve(List.of(item("RUSGOV", "VLADIMIR  PUTIN " + token.toUpperCase(), "RUS"),
                item("RUSMIL", "Vladimir Putin " + token, null)));
        assertEquals(id, answer.getString("items[0].id"));
        assertEquals(false, answer.getBoolean("items[0].created"));
        assertNotEquals(id, answer.getString("items[1].id"), "another code is another actor");
        assertEquals(true, answer.getBoolean("items[1].created"));
        given().queryParam("text", token).when().get("/actors").then().body("totalCount", equalTo(2));
    }

    @Test
    void keepsItsAnswerWhenAMatchingActorIsAddedLater() {
        String token = Fixtures.token();
        String resolved = resolve(List.of(item("UKRGOV", "Zelensky " + token, null))).getString("items[0].id");
        Map<String, Object> manual = Fixtures.actor("PERSON", "Zelensky " + token);
        manual.put("cameoCode", "UKRGOV");
        String manualId = Fixtures.create(manual).getString("id");
        assertNotEquals(resolved, manualId);
        assertEquals(resolved, resolve(List.of(item("UKRGOV", "ZELENSKY " + token, null))).getString("items[0].id"));
    }

    @Test
    void distinguishesCameoCodes() {
        String token = Fixtures.token();
        JsonPath answer = resolve(List.of(item("RUSGOV", "Putin " + token, null), item("RUS", "Putin " + token, null)));
        List<String> ids = answer.getList("items.id", String.class);
        assertNotEquals(ids.get(0), ids.get(1));
    }

    @Test
    void usesTheGivenKind() {
        Map<String, Object> item = item("IGOEUREEC", "European Commission " + Fixtures.token(), null);
        item.put("kind", "ORGANIZATION");
        String id = resolve(List.of(item)).getString("items[0].id");
        given().when().get("/actors/" + id).then().body("kind", equalTo("ORGANIZATION"));
    }

    @Test
    void isIdempotentUnderConcurrentCalls() throws Exception {
        String token = Fixtures.token();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(item("CODE" + (i % 4), "Actor " + i + " " + token, null));
        }
        // Each caller sends the batch in its own order, so their inserts interleave differently.
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        try {
            for (int c = 0; c < callers; c++) {
                List<Map<String, Object>> batch = new ArrayList<>(items);
                java.util.Collections.rotate(batch, c * 7);
                batches.add(batch);
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return given().contentType(ContentType.JSON).body(Map.of("items", batch))
                            .when().post("/actors/resolve").andReturn();
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        Map<String, String> idByName = new HashMap<>();
        int createdFlags = 0;
        for (int c = 0; c < callers; c++) {
            Response response = calls.get(c).get();
            assertEquals(200, response.statusCode(), response.asString());
            List<String> ids = response.jsonPath().getList("items.id", String.class);
            List<Boolean> created = response.jsonPath().getList("items.created", Boolean.class);
            for (int i = 0; i < ids.size(); i++) {
                String name = (String) batches.get(c).get(i).get("name");
                String previous = idByName.putIfAbsent(name, ids.get(i));
                assertTrue(previous == null || previous.equals(ids.get(i)), "one actor per key: " + name);
                if (created.get(i)) {
                    createdFlags++;
                }
            }
        }
        assertEquals(40, idByName.size());
        assertEquals(40, Set.copyOf(idByName.values()).size());
        assertEquals(40, createdFlags, "each actor reported created by exactly one call");
        given().queryParam("text", token).queryParam("limit", 500).when().get("/actors")
                .then().body("totalCount", equalTo(40));
    }

    @Test
    void rejectsInvalidItemsAndWritesNothing() {
        String token = Fixtures.token();
        List<Map<String, Object>> items = List.of(
                item("RUSGOV", "Fine " + token, null),
                item("rus gov", "", "Russia"));
        given().contentType(ContentType.JSON).body(Map.of("items", items))
                .when().post("/actors/resolve")
                .then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations.field", equalTo(List.of("items[1].cameoCode", "items[1].country", "items[1].name")));
        given().queryParam("text", token).when().get("/actors").then().body("totalCount", equalTo(0));
    }

    @Test
    void rejectsMoreThan1000Items() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(item(null, "n" + i, null));
        }
        given().contentType(ContentType.JSON).body(Map.of("items", items))
                .when().post("/actors/resolve")
                .then().statusCode(400).body("violations[0].field", equalTo("items"));
    }

    @Test
    void resolvesAThousandItemsInTwoStatements() {
        String token = Fixtures.token();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(item("GRP", "Member " + i + " " + token, null));
        }
        try (SqlStatementCounter counter = SqlStatementCounter.start()) {
            JsonPath answer = resolve(items);
            assertEquals(1000, answer.getList("items.id").size());
            assertEquals(2, counter.statements().size(), () -> "statements: " + counter.statements());
        }
        assertFalse(resolve(items.subList(0, 3)).getBoolean("items[0].created"));
    }

    @Test
    void answersAnEmptyListForNoItems() {
        given().contentType(ContentType.JSON).body("{\"items\":[]}")
                .when().post("/actors/resolve")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/actors/resolve")
                .then().statusCode(400).body("violations[0].field", equalTo("items"));
    }
}
