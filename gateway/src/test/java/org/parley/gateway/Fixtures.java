package org.parley.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Backend JSON as actors-service / events-service would answer it, for WireMock stubs. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A stable UUID per name, so a test can refer to "actor 7" on both sides. */
    public static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Map<String, Object> actor(String id, String name) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("kind", "PERSON");
        a.put("name", name);
        a.put("aliases", List.of());
        a.put("country", "RUS");
        a.put("cameoCode", null);
        a.put("wikidataId", null);
        a.put("description", null);
        a.put("version", 0);
        a.put("createdAt", "2025-01-01T00:00:00Z");
        a.put("updatedAt", "2025-01-01T00:00:00Z");
        return a;
    }

    public static Map<String, Object> event(String id, String title, List<String> participantIds) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("title", title);
        e.put("summary", null);
        e.put("code", "042");
        e.put("goldstein", 1.9);
        e.put("quadClass", 1);
        e.put("rootCode", "04");
        e.put("status", "OCCURRED");
        e.put("start", "2025-08-15");
        e.put("end", null);
        e.put("precision", "DAY");
        e.put("locationId", null);
        e.put("subjectIds", List.of());
        List<Map<String, Object>> participants = new ArrayList<>();
        for (int i = 0; i < participantIds.size(); i++) {
            participants.add(Map.of("actorId", participantIds.get(i), "role", i == 0 ? "SOURCE" : "TARGET"));
        }
        e.put("participants", participants);
        e.put("sources", List.of());
        e.put("related", List.of());
        e.put("externalIds", List.of());
        e.put("metrics", Map.of());
        e.put("version", 0);
        e.put("createdAt", "2025-08-15T10:00:00Z");
        e.put("updatedAt", "2025-08-15T10:00:00Z");
        return e;
    }

    public static Map<String, Object> page(List<?> items, String nextCursor, long total) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("items", items);
        p.put("nextCursor", nextCursor);
        p.put("totalCount", total);
        return p;
    }

    /** A page asked with count=false: events-service leaves totalCount null. */
    public static Map<String, Object> uncountedPage(List<?> items, String nextCursor) {
        Map<String, Object> p = page(items, nextCursor, 0);
        p.put("totalCount", null);
        return p;
    }

    /** One entry of GET /events/by-participants; total null when asked with count=false. */
    public static Map<String, Object> participantEvents(String actorId, List<?> items, Long total) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("actorId", actorId);
        entry.put("items", items);
        entry.put("totalCount", total);
        return entry;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
