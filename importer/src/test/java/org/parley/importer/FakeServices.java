package org.parley.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * actors-service and events-service as the importer sees them, on one JDK HTTP server: the catalogue
 * (every code of the real sample), both resolves (one id per distinct item), the events batch (every item
 * inserted, unless the same item was sent before: then a duplicate) and the event counts (one event per actor,
 * counts accepted). Records each call; statuses queued in {@link #failNext} are answered first.
 */
public final class FakeServices implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: the path, the number of items sent, the Authorization header, the body's mergeStories. */
    public record Call(String path, int items, String authorization, boolean mergeStories) {
    }

    public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    /** path → statuses to answer before answering normally. */
    public final Map<String, List<Integer>> failNext = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> storedEvents = Collections.synchronizedSet(new java.util.HashSet<>());
    private final HttpServer server;

    public FakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls(String path) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.path().equals(path)).toList();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode json = body.length == 0 ? null : JSON.readTree(body);
        JsonNode items = json == null ? null : json.get("items");
        calls.add(new Call(path, items == null ? 0 : items.size(), exchange.getRequestHeaders().getFirst("Authorization"),
                json != null && json.path("mergeStories").asBoolean(false)));
        List<Integer> failures = failNext.get(path);
        if (failures != null && !failures.isEmpty()) {
            int status = failures.remove(0);
            respond(exchange, status, Map.of("type", "urn:parley:problem:test", "status", status,
                    "detail", status == 401 ? "The bearer token is invalid or expired" : "unavailable"));
            return;
        }
        switch (path) {
            case "/event-types" -> respond(exchange, 200, catalogue());
            case "/actors/resolve", "/places/resolve" -> {
                List<Map<String, Object>> ids = new ArrayList<>();
                // the same item, the same id (as the real resolves): a chunk sent again sends the same events
                items.forEach(i -> ids.add(Map.of("id", UUID.nameUUIDFromBytes(i.toString().getBytes(StandardCharsets.UTF_8))
                        .toString(), "created", true)));
                respond(exchange, 200, Map.of("items", ids));
            }
            case "/events/batch" -> {
                List<String> ids = new ArrayList<>();
                items.forEach(i -> ids.add(storedEvents.add(i.toString()) ? UUID.randomUUID().toString() : null));
                long inserted = ids.stream().filter(java.util.Objects::nonNull).count();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("inserted", inserted);
                result.put("merged", 0);
                result.put("skipped", items.size() - inserted);
                result.put("ids", ids);
                respond(exchange, 200, result);
            }
            case "/events/by-participants" -> {
                List<Map<String, Object>> counts = new ArrayList<>();
                String query = exchange.getRequestURI().getQuery();
                String actors = query == null ? "" : query.replaceAll(".*actors=([^&]*).*", "$1");
                for (String id : actors.split(",")) {
                    if (!id.isEmpty()) {
                        counts.add(Map.of("actorId", id, "items", List.of(), "totalCount", 1));
                    }
                }
                respond(exchange, 200, counts);
            }
            case "/actors/event-counts" -> respond(exchange, 200, Map.of("updated", items.size()));
            default -> respond(exchange, 404, Map.of("status", 404));
        }
    }

    private static List<Map<String, Object>> catalogue() {
        Set<String> codes = new TreeSet<>();
        GdeltFiles.sample().forEach(line -> codes.add(GdeltFiles.columns(line)[26]));
        List<Map<String, Object>> types = new ArrayList<>();
        for (String code : codes) {
            types.add(Map.of("code", code, "name", "type " + code, "rootCode", code.substring(0, 2), "quadClass", 1,
                    "goldstein", 1.0));
        }
        return types;
    }

    private static void respond(HttpExchange exchange, int status, Object json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
