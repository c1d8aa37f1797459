package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActorConcurrencyTest {

    @Test
    void concurrentUpdatesOfTheSameVersionLetExactlyOneWin() throws Exception {
        String id = Fixtures.createId("PERSON", "Contested " + Fixtures.token());
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                Map<String, Object> body = Fixtures.actor("PERSON", "Writer " + w);
                body.put("version", 0);
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return given().contentType(ContentType.JSON).body(body).when().put("/actors/" + id).andReturn();
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<Integer> statuses = new ArrayList<>();
        String winner = null;
        for (CompletableFuture<Response> call : calls) {
            Response response = call.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 200) {
                winner = response.jsonPath().getString("name");
            } else {
                assertEquals("application/problem+json", response.contentType().split(";")[0], response.asString());
            }
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(writers - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        given().when().get("/actors/" + id).then().body("version", equalTo(1)).body("name", equalTo(winner));
    }
}
