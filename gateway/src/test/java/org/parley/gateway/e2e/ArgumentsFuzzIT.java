package org.parley.gateway.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.parley.common.fuzz.Gen.charRange;
import static org.parley.common.fuzz.Gen.chars;
import static org.parley.common.fuzz.Gen.frequency;
import static org.parley.common.fuzz.Gen.ints;
import static org.parley.common.fuzz.Gen.just;
import static org.parley.common.fuzz.Gen.oneOf;
import static org.parley.common.fuzz.Gen.strings;
import static org.parley.common.fuzz.Gen.weight;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.common.fuzz.Fuzz;
import org.parley.common.fuzz.Gen;

/**
 * Property: whatever arguments, content type and Accept header a client sends, the packaged (prod) gateway
 * answers 200 or a 4xx, never a 5xx, and every GraphQL error carries a typed {@code extensions.code} other
 * than INTERNAL_SERVER_ERROR. The backends are WireMock stand-ins answering empty pages, so every request that
 * passes the gateway's checks reaches them. 1,500 seeded cases (common's {@link Fuzz}: a failure names the seed
 * and case that replay it; {@code -Dparley.fuzz.cases=N} / {@code -Dparley.fuzz.seed=N} for more or others).
 */
class ArgumentsFuzzIT {

    private static final Set<String> CODES = Set.of("BAD_USER_INPUT", "BAD_REQUEST", "QUERY_TOO_COMPLEX",
            "NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT", "UPSTREAM_UNAVAILABLE", "TIMEOUT",
            "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static WireMockServer backends;
    private static Process gateway;
    private static URI graphql;

    @BeforeAll
    static void start() throws Exception {
        backends = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        backends.start();
        String emptyPage = "{\"items\":[],\"nextCursor\":null,\"total\":0}";
        backends.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"title\":\"Not Found\"}")));
        for (String page : List.of("/events", "/actors", "/events/by-participants")) {
            backends.stubFor(get(urlPathEqualTo(page)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(emptyPage)));
        }
        Path root = Path.of(System.getProperty("parley.repo.root", ".."));
        Path jar = root.resolve("gateway/target/quarkus-app/quarkus-run.jar");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("gateway-fuzz", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_REST_CLIENT_ACTORS_URL", backends.baseUrl());
        builder.environment().put("QUARKUS_REST_CLIENT_EVENTS_URL", backends.baseUrl());
        gateway = builder.start();
        graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            if (!gateway.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not start:\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // polled again until the deadline
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(15, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
        if (backends != null) {
            backends.stop();
        }
    }

    @Test
    void neverAnswers5xxNorAnUntypedError() {
        Map<Integer, Integer> statuses = new TreeMap<>();
        Fuzz.forEachCase(requests(), 1500,
                (index, request) -> statuses.merge(answersWithout5xxOrUntypedError(request), 1, Integer::sum));
        System.out.println("ArgumentsFuzzIT: " + Fuzz.cases(1500) + " requests (seed " + Fuzz.seed() + "), answers by status: "
                + statuses);
    }

    /** Sends {@code request}, fails on a bad answer, returns the status. */
    private static int answersWithout5xxOrUntypedError(FuzzRequest request) throws Exception {
        HttpRequest.Builder http = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            http.header("Accept", request.accept());
        }
        HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        String context = abbreviate(request + " -> " + response.statusCode() + " " + response.body());
        if (response.statusCode() >= 500) {
            throw new AssertionError("5xx: " + context);
        }
        if (response.statusCode() == 200 || response.headers().firstValue("Content-Type").orElse("").contains("graphql")) {
            JsonObject answer = new JsonObject(response.body());
            JsonArray errors = answer.getJsonArray("errors", new JsonArray());
            for (int i = 0; i < errors.size(); i++) {
                JsonObject extensions = errors.getJsonObject(i).getJsonObject("extensions", new JsonObject());
                String code = extensions.getString("code");
                if (code == null || !CODES.contains(code)) {
                    throw new AssertionError("untyped or internal error: " + context);
                }
            }
        }
        return response.statusCode();
    }

    private static String abbreviate(String text) {
        return text.length() <= 3000 ? text : text.substring(0, 1500) + " … " + text.substring(text.length() - 1500);
    }

    record FuzzRequest(String document, JsonObject variables, String contentType, String accept) {
        String body() {
            return "application/graphql".equals(contentType) ? document
                    : new JsonObject().put("query", document).put("variables", variables).encode();
        }
    }

    private static Gen<FuzzRequest> requests() {
        Gen<String> contentTypes = frequency(
                weight(8, just("application/json")),
                weight(1, Gen.of("application/graphql", "text/plain",
                        "application/json; charset=latin1", "application/x-www-form-urlencoded")),
                weight(1, just((String) null)));
        Gen<String> accepts = frequency(
                weight(6, just("application/json")),
                weight(2, Gen.of("application/graphql-response+json", "*/*",
                        "application/json; charset=bogus", "text/html", "application/json;q=0",
                        "application/*; charset=utf-8", "image/png, application/json")),
                weight(1, just((String) null)));
        Gen<Document> documents = documents();
        return r -> {
            Document doc = documents.next(r);
            return new FuzzRequest(doc.text(), doc.variables(), contentTypes.next(r), accepts.next(r));
        };
    }

    private record Document(String text, JsonObject variables) {
    }

    /** A document with one variable-carried argument of each kind the schema takes, filled at random. */
    private static Gen<Document> documents() {
        Gen<Object> text = oneOf(
                strings(Gen.anyChar(), 0, 40),
                strings(chars("\u0000a\uffff\ud800\"\\"), 0, 10),
                ints(19_990, 20_010).map(n -> "x".repeat(n)),
                just(null));
        Gen<Object> date = oneOf(
                ints(-300_000, 300_000).map(y -> (y < 0 ? "-" : y > 9999 ? "+" : "")
                        .concat(String.format("%04d", Math.abs(y))) + "-01-31"),
                Gen.of("2025-02-30", "2025-13-01", "today", "", "1e400", "NaN", "2025-11-27T10:00:00Z"),
                just(null));
        Gen<Object> number = oneOf(
                Gen.ints(),
                Gen.of(Long.MAX_VALUE, -1L, 0L),
                Gen.of(1.5, Double.MAX_VALUE),
                Gen.of("NaN", "Infinity", "1e400"),
                just(null));
        Gen<Object> kinds = oneOf(
                Gen.of("PERSON", "STATE", "ORGANIZATION", "NOPE", "", "person").list(0, 3).map(l -> new JsonArray(List.copyOf(l))),
                r -> new JsonArray().addNull(),
                r -> new JsonArray().add("PERSON").addNull());
        Gen<Object> statuses = oneOf(
                Gen.of("OCCURRED", "SCHEDULED", "CANCELLED", "x").list(0, 3).map(l -> new JsonArray(List.copyOf(l))),
                r -> new JsonArray().addNull());
        Gen<Object> cursor = oneOf(text, strings(charRange('A', 'z'), 0, 30));
        Gen<Integer> shape = ints(0, 4);
        return r -> {
            int which = shape.next(r);
            Object t = text.next(r);
            Object from = date.next(r);
            Object to = date.next(r);
            Object first = number.next(r);
            Object kind = kinds.next(r);
            Object status = statuses.next(r);
            Object after = cursor.next(r);
            JsonObject vars = new JsonObject().put("t", t).put("from", from).put("to", to).put("first", first)
                    .put("after", after);
            String doc = switch (which) {
                case 0 -> "query Q($t: String, $from: Date, $to: Date, $first: Int, $after: String, $s: [EventStatus]) "
                        + "{ events(filter: {text: $t, from: $from, to: $to, statuses: $s, codes: [$t]}, first: $first, after: $after) "
                        + "{ totalCount edges { node { title } } } }";
                case 1 -> "query Q($t: String, $first: Int, $after: String, $k: [ActorKind]) "
                        + "{ actors(filter: {text: $t, country: $t, kinds: $k}, first: $first, after: $after) "
                        + "{ edges { node { name events(first: $first) { totalCount } } } } }";
                case 2 -> "query Q($t: ID!, $from: Date, $to: Date) { dyad(a: $t, b: $t, from: $from, to: $to) "
                        + "{ a { name } series { period count } } }";
                case 3 -> "query Q($t: ID!, $first: Int) { actor(id: $t) { name counterparts(limit: $first) { count } } "
                        + "event(id: $t) { title } place(id: $t) { name } eventTypes(rootCode: $t) { code } }";
                default -> "{ events(filter: {kinds: " + kind + "}) { totalCount } }"; // invalid field: validation
            };
            vars.put("k", kind).put("s", status);
            return new Document(doc, vars);
        };
    }
}
