package org.parley.events.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.list;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.parley.common.idempotency.testing.Concurrently;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConcurrentWritesTest {

    @Test
    void concurrentReplacementsOfOneVersionHaveExactlyOneWinner() {
        String id = recordId(event(unique("contested"), "042", "2025-10-01"));
        List<Integer> statuses = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                given().contentType(ContentType.JSON).body(with(event("writer " + i, "042", "2025-10-01"), "version", 0))
                        .put("/events/" + id).statusCode()))
                .toList().stream().map(CompletableFuture::join).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().get("/events/" + id).then().body("version", equalTo(1));
    }

    @Test
    void concurrentBatchesWithTheSameExternalIdsInsertEachEventOnce() {
        List<String> external = IntStream.range(0, 10).mapToObj(i -> "gdelt:" + UUID.randomUUID()).toList();
        Map<String, Object> batch = Map.of("items", external.stream()
                .map(x -> with(event(unique("imported"), "042", "2025-10-01"), "externalIds", list(x))).toList());
        List<Integer> inserted = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                given().contentType(ContentType.JSON).body(batch).post("/events/batch").then().statusCode(200)
                        .extract().<Integer>path("inserted")))
                .toList().stream().map(CompletableFuture::join).toList();
        assertEquals(10, inserted.stream().mapToInt(Integer::intValue).sum(), inserted.toString());
        String ids = external.stream().collect(Collectors.joining(","));
        assertEquals(10, ids.split(",").length);
    }

    @Test
    void concurrentBatchesWithTheSameExternalIdsInOtherOrdersInsertEachEventOnce() throws Exception {
        List<String> external = IntStream.range(0, 20).mapToObj(i -> "gdelt:" + UUID.randomUUID()).toList();
        AtomicInteger writer = new AtomicInteger();
        List<Integer> inserted = Concurrently.run(4, () -> {
            List<String> order = new ArrayList<>(external);
            Collections.rotate(order, 5 * writer.getAndIncrement()); // each batch claims in another order
            Map<String, Object> batch = Map.of("items", order.stream()
                    .map(x -> with(event(unique("imported"), "042", "2025-10-01"), "externalIds", list(x))).toList());
            return given().contentType(ContentType.JSON).body(batch).post("/events/batch").then().statusCode(200)
                    .extract().<Integer>path("inserted");
        });
        assertEquals(20, inserted.stream().mapToInt(Integer::intValue).sum(), inserted.toString());
    }
}
