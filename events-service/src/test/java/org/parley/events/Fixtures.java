package org.parley.events;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Builds test data through the REST API; every name is made unique so tests never collide. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String place(String name, String kind, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique(name));
        body.put("kind", kind);
        body.put("parentId", parentId);
        return given().contentType(ContentType.JSON).body(body).post("/places")
                .then().statusCode(201).extract().path("id");
    }

    /** A minimal valid event body; tweak it with {@link #with}. */
    public static Map<String, Object> event(String title, String code, String start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("code", code);
        body.put("status", "OCCURRED");
        body.put("start", start);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put((String) keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }

    public static List<Map<String, Object>> participants(Object... actorRolePairs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < actorRolePairs.length; i += 2) {
            out.add(Map.of("actorId", actorRolePairs[i].toString(), "role", actorRolePairs[i + 1]));
        }
        return out;
    }

    public static ValidatableResponse record(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/events").then();
    }

    public static String recordId(Map<String, Object> body) {
        return record(body).statusCode(201).extract().path("id");
    }

    /** The ids of the events {@code GET /events} lists for the given name/value pairs, up to 500. */
    public static List<String> ids(String... query) {
        var request = given();
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.queryParam("limit", 500).get("/events").then().statusCode(200).extract().path("items.id");
    }

    public static String actor() {
        return UUID.randomUUID().toString();
    }

    public static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
