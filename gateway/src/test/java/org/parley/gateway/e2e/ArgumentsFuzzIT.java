package org.parley.gateway.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

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
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: whatever arguments, content type and Accept header a client sends, the packaged (prod) gateway
 * answers 200 or a 4xx, never a 5xx, and every GraphQL error carries a typed {@code extensions.code} other
 * than INTERNAL_SERVER_ERROR. The backends are WireMock stand-ins answering empty pages, so every request that
 * passes the gateway's checks reaches them.
 */
class ArgumentsFuzzIT {

    private static final Set<String> CODES = Set.of("BAD_USER_INPUT", "BAD_REQUEST", "QUERY_TOO_COMPLEX",
            "NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT", "UPSTREAM_UNAVAILABLE", "TIMEOUT",
            "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static WireMockServer backends;
    private static Process gateway;
    private static URI graphql;

    @BeforeContainer
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

    @AfterContainer
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

    @Property(tries = 1500)
    void neverAnswers5xxNorAnUntypedError(@ForAll("requests") FuzzRequest request) throws Exception {
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

    @Provide
    Arbitrary<FuzzRequest> requests() {
        Arbitrary<String> contentTypes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("application/graphql", "text/plain",
                        "application/json; charset=latin1", "application/x-www-form-urlencoded")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<String> accepts = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("application/graphql-response+json", "*/*",
                        "application/json; charset=bogus", "text/html", "application/json;q=0",
                        "application/*; charset=utf-8", "image/png, application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
        return Combinators.combine(documents(), contentTypes, accepts)
                .as((doc, type, accept) -> new FuzzRequest(doc.get1(), doc.get2(), type, accept));
    }

    /** A document with one variable-carried argument of each kind the schema takes, filled at random. */
    private Arbitrary<net.jqwik.api.Tuple.Tuple2<String, JsonObject>> documents() {
        Arbitrary<Object> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().withChars('\u0000', 'a', '\uffff', '\ud800', '"', '\\').ofMaxLength(10).map(s -> (Object) s),
                Arbitraries.integers().between(19_990, 20_010).map(n -> (Object) "x".repeat(n)),
                Arbitraries.just(null));
        Arbitrary<Object> date = Arbitraries.oneOf(
                Arbitraries.integers().between(-300_000, 300_000).map(y -> (Object) (y < 0 ? "-" : y > 9999 ? "+" : "")
                        .concat(String.format("%04d", Math.abs(y))) + "-01-31"),
                Arbitraries.of("2025-02-30", "2025-13-01", "today", "", "1e400", "NaN", "2025-11-27T10:00:00Z")
                        .map(s -> (Object) s),
                Arbitraries.just(null));
        Arbitrary<Object> number = Arbitraries.oneOf(
                Arbitraries.integers().map(n -> (Object) n),
                Arbitraries.of(Long.MAX_VALUE, -1L, 0L).map(n -> (Object) n),
                Arbitraries.of(1.5, Double.MAX_VALUE).map(n -> (Object) n),
                Arbitraries.of("NaN", "Infinity", "1e400").map(s -> (Object) s),
                Arbitraries.just(null));
        Arbitrary<Object> kinds = Arbitraries.oneOf(
                Arbitraries.of("PERSON", "STATE", "ORGANIZATION", "NOPE", "", "person").list().ofMaxSize(3)
                        .map(l -> (Object) new JsonArray(List.copyOf(l))),
                Arbitraries.just((Object) new JsonArray().addNull()),
                Arbitraries.just((Object) new JsonArray().add("PERSON").addNull()));
        Arbitrary<Object> statuses = Arbitraries.oneOf(
                Arbitraries.of("OCCURRED", "SCHEDULED", "CANCELLED", "x").list().ofMaxSize(3)
                        .map(l -> (Object) new JsonArray(List.copyOf(l))),
                Arbitraries.just((Object) new JsonArray().addNull()));
        Arbitrary<Object> cursor = Arbitraries.oneOf(text,
                Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(30).map(s -> (Object) s));
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 4);
        return Combinators.combine(shape, text, date, date, number, kinds, statuses, cursor).as(
                (which, t, from, to, first, kind, status, after) -> {
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
                    return net.jqwik.api.Tuple.of(doc, vars);
                });
    }
}
