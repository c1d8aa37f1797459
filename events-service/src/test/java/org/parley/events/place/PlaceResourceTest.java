package org.parley.events.place;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.place;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PlaceResourceTest {

    @Test
    void answers201WithLocation() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", unique("Kherson"), "kind", "CITY"))
                .post("/places").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", unique("Odesa"), "kind", "CITY"))
                .post("/places").then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/places/"));
        assertTrue(id != null);
    }

    @Test
    void roundTripsEveryField() {
        String ukraine = place("Ukraine", "COUNTRY", null);
        Map<String, Object> crimea = new HashMap<>(Map.of("name", unique("Crimea"), "kind", "TERRITORY",
                "countryCode", "UKR", "parentId", ukraine, "latitude", 45.3, "longitude", 34.4,
                "status", "annexed by Russia in 2014, not internationally recognised", "statusSince", "2014-03-18"));
        String id = given().contentType(ContentType.JSON).body(crimea).post("/places").then().statusCode(201)
                .body("version", equalTo(0)).extract().path("id");
        given().get("/places/" + id).then().statusCode(200)
                .body("kind", equalTo("TERRITORY")).body("countryCode", equalTo("UKR"))
                .body("parentId", equalTo(ukraine)).body("latitude", equalTo(45.3f))
                .body("status", equalTo("annexed by Russia in 2014, not internationally recognised"))
                .body("statusSince", equalTo("2014-03-18"));

        crimea.put("status", "occupied");
        crimea.put("version", 0);
        given().contentType(ContentType.JSON).body(crimea).put("/places/" + id).then().statusCode(200)
                .body("status", equalTo("occupied")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(crimea).put("/places/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        crimea.remove("version");
        given().contentType(ContentType.JSON).body(crimea).put("/places/" + id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(crimea).put("/places/" + id)
                .then().statusCode(200).body("version", equalTo(2));
        given().get("/places/" + id).then().body("status", equalTo("occupied"));
    }

    @Test
    void listsByIdsInOrderAndSearchesByNameKindAndParent() {
        String country = place("Atlantis", "COUNTRY", null);
        String city = place("Atlantis City", "CITY", country);
        given().queryParam("ids", city + "," + UUID.randomUUID() + "," + country).get("/places").then().statusCode(200)
                .body("id", contains(city, country));
        given().queryParam("parentId", country).get("/places").then().body("id", contains(city));
        given().queryParam("text", "atlantis city").queryParam("kind", "CITY").queryParam("limit", 500).get("/places")
                .then().statusCode(200).body("kind", org.hamcrest.Matchers.everyItem(equalTo("CITY")))
                .body("id", org.hamcrest.Matchers.hasItem(city));
    }

    @Test
    void rejectsInvalidPlacesWith400() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "PLANET")).post("/places").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("name", "", "kind", "CITY", "countryCode", "ukr")).post("/places")
                .then().statusCode(400).body("violations.field", contains("countryCode", "name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "CITY", "parentId", UUID.randomUUID().toString()))
                .post("/places").then().statusCode(400).body("violations[0].field", equalTo("parentId"));
        given().get("/places/42").then().statusCode(400).body("violations[0].field", equalTo("id"));
        given().get("/places/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesAParentCycle() {
        String top = place("Top", "REGION", null);
        String child = place("Child", "REGION", top);
        given().contentType(ContentType.JSON).body(Map.of("name", "Top", "kind", "REGION", "parentId", child, "version", 0))
                .put("/places/" + top).then().statusCode(400).body("violations[0].field", equalTo("parentId"));
    }

    @Test
    void deletesUnusedPlaceAndRefusesOneInUse() {
        String used = place("Used", "CITY", null);
        recordId(with(event("located", "042", "2025-01-01"), "locationId", used));
        given().delete("/places/" + used).then().statusCode(409).contentType("application/problem+json");
        String parent = place("Parent", "COUNTRY", null);
        place("Child", "CITY", parent);
        given().delete("/places/" + parent).then().statusCode(409);
        String unused = place("Unused", "CITY", null);
        given().delete("/places/" + unused).then().statusCode(204);
        given().get("/places/" + unused).then().statusCode(404);
        given().delete("/places/" + unused).then().statusCode(404);
    }

    @Test
    void resolvesExternalKeysIdempotently() {
        String k1 = "gdelt-feature:" + UUID.randomUUID();
        String k2 = "gdelt-feature:" + UUID.randomUUID();
        Map<String, Object> request = Map.of("items", List.of(
                Map.of("key", k1, "name", "Kyiv", "kind", "CITY", "countryCode", "UKR", "latitude", 50.45, "longitude", 30.52),
                Map.of("key", k2, "name", "Donetsk", "kind", "CITY"),
                Map.of("key", k1, "name", "Kyiv", "kind", "CITY")));
        List<String> first = given().contentType(ContentType.JSON).body(request).post("/places/resolve").then().statusCode(200)
                .body("items", hasSize(3)).body("items.created", contains(true, true, false))
                .extract().path("items.id");
        assertEquals(first.get(0), first.get(2));
        given().contentType(ContentType.JSON).body(request).post("/places/resolve").then().statusCode(200)
                .body("items.id", equalTo(first)).body("items.created", contains(false, false, false));
        given().get("/places/" + first.get(0)).then().body("latitude", equalTo(50.45f)).body("countryCode", equalTo("UKR"));
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("key", "nocolon", "name", "x", "kind", "CITY"))))
                .post("/places/resolve").then().statusCode(400).body("violations[0].field", equalTo("items[0].key"));
    }

    @Test
    void resolvesTheSameKeysConcurrentlyToOnePlaceEach() {
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "gdelt-feature:" + UUID.randomUUID()).toList();
        Map<String, Object> request = Map.of("items", keys.stream()
                .map(k -> Map.of("key", k, "name", "Place " + k, "kind", "CITY")).toList());
        List<CompletableFuture<List<String>>> calls = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON).body(request)
                        .post("/places/resolve").then().statusCode(200).extract().<List<String>>path("items.id")))
                .toList();
        Set<List<String>> answers = calls.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertEquals(1, answers.size(), "every concurrent call sees the same ids");
        assertEquals(20, answers.iterator().next().stream().distinct().count());
    }

    @Test
    void concurrentUpdatesOfOneVersionHaveExactlyOneWinner() {
        String id = place("Contested", "TERRITORY", null);
        List<Integer> statuses = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                given().contentType(ContentType.JSON)
                        .body(Map.of("name", "Contested " + i, "kind", "TERRITORY", "version", 0))
                        .put("/places/" + id).statusCode()))
                .toList().stream().map(CompletableFuture::join).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().get("/places/" + id).then().body("version", equalTo(1));
    }

    @Test
    void rejectsAMissingBody() {
        given().contentType(ContentType.JSON).post("/places").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("body"));
    }

    @Test
    void answers404And400ForUnknownOrMalformedPlaceRequests() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "CITY", "version", 0))
                .put("/places/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().delete("/places/nope").then().statusCode(400).body("violations[0].field", equalTo("id"));
        String tooMany = IntStream.range(0, 501).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        given().queryParam("ids", tooMany).get("/places").then().statusCode(400).body("violations[0].field", equalTo("ids"));
        given().queryParam("kind", "PLANET").get("/places").then().statusCode(400).body("violations[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("items", List.of())).post("/places/resolve").then().statusCode(400)
                .body("violations[0].field", equalTo("items"));
    }

    @Test
    void concurrentReparentingsThatTogetherWouldMakeACycleHaveExactlyOneWinner() {
        // A under B and B under A are each fine alone; together they are a cycle.
        for (int round = 0; round < 6; round++) {
            String a = place("Upper", "REGION", null);
            String b = place("Lower", "REGION", null);
            CompletableFuture<Integer> aUnderB = CompletableFuture.supplyAsync(() -> reparent(a, b));
            CompletableFuture<Integer> bUnderA = CompletableFuture.supplyAsync(() -> reparent(b, a));
            List<Integer> statuses = List.of(aUnderB.join(), bUnderA.join());
            assertEquals(List.of(200, 400), statuses.stream().sorted().toList(), statuses.toString());
            String parentOfA = given().get("/places/" + a).then().extract().path("parentId");
            String parentOfB = given().get("/places/" + b).then().extract().path("parentId");
            assertTrue(parentOfA == null || parentOfB == null, "a cycle was stored: " + a + " <-> " + b);
        }
    }

    private static int reparent(String id, String parentId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", unique("Re-parented"), "kind", "REGION", "parentId", parentId, "version", 0))
                .put("/places/" + id).statusCode();
    }
}
