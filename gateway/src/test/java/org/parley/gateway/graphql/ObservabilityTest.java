package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.gateway.Fixtures;
import org.parley.gateway.Gql;
import org.parley.gateway.Scrape;
import org.parley.gateway.WireMockBackends;
import org.parley.gateway.client.ActorsClient;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * What a platform team reads off the gateway: per-operation GraphQL metrics, per-call backend metrics,
 * the circuit breakers' state, the request id in responses, backend calls and the access log — and no
 * trace export at all while no OTLP endpoint is configured (the test profile configures none).
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
@WithTestResource(ObservabilityTest.CollectorPorts.class)
class ObservabilityTest extends StubbedBackendsTest {

    private static final String QUERY = """
            query EventsWithActors { events(first: 2) { edges { node { title participants { actor { name } } } } } }""";

    private final List<LogRecord> accessLog = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLog.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureAccessLog() {
        Logger.getLogger("io.quarkus.http.access-log").addHandler(capture);
    }

    @AfterEach
    void releaseAccessLog() {
        Logger.getLogger("io.quarkus.http.access-log").removeHandler(capture);
    }

    private void stubBackends() {
        String a = id("obs-actor");
        events.stubFor(get(urlPathEqualTo("/events"))
                .willReturn(ok(page(List.of(event(id("obs-event"), "An event", List.of(a))), null, 1))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(ok(page(List.of(actor(a, "An actor")), null, 1))));
    }

    private static ResponseDefinitionBuilder ok(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json(body));
    }

    private static ValidatableResponse post(String document, String requestId) {
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Fixtures.json(Map.of("query", document)));
        if (requestId != null) {
            request = request.header("X-Request-Id", requestId);
        }
        return request.post("/graphql").then().statusCode(200);
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void countsEachOperationByNameTypeAndOutcomeWithALatencyHistogram() {
        stubBackends();
        Scrape before = Scrape.now();
        post(QUERY, null);
        post(QUERY, null);
        Scrape after = Scrape.now();

        Map<String, String> ok = labels("operation", "EventsWithActors", "type", "query", "outcome", "success");
        assertEquals(2, after.sum("parley_graphql_requests_seconds_count", ok)
                - before.sum("parley_graphql_requests_seconds_count", ok));
        // Buckets up to 10 s, so a p95 can be read against a budget; +Inf counts every request.
        List<Scrape.Sample> buckets = after.find("parley_graphql_requests_seconds_bucket", ok);
        assertTrue(buckets.stream().anyMatch(b -> b.labels().get("le").equals("0.25")), buckets::toString);
        assertEquals(after.sum("parley_graphql_requests_seconds_count", ok),
                after.sum("parley_graphql_requests_seconds_bucket", labels("operation", "EventsWithActors", "type",
                        "query", "outcome", "success", "le", "+Inf")));
        // And the backend calls that served it, by backend, endpoint template and outcome.
        assertEquals(2, after.sum("parley_gateway_backend_calls_seconds_count",
                labels("backend", "events-service", "endpoint", "GET /events", "outcome", "success"))
                - before.sum("parley_gateway_backend_calls_seconds_count",
                        labels("backend", "events-service", "endpoint", "GET /events", "outcome", "success")));
        assertEquals(2, after.sum("parley_gateway_backend_calls_seconds_count",
                labels("backend", "actors-service", "endpoint", "GET /actors", "outcome", "success"))
                - before.sum("parley_gateway_backend_calls_seconds_count",
                        labels("backend", "actors-service", "endpoint", "GET /actors", "outcome", "success")));
    }

    @Test
    void countsErrorsByTheirCodeAndFailedBackendCallsByOutcome() {
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(503)));
        Scrape before = Scrape.now();
        post("query FailingEvents { events(first: 1) { edges { node { title } } } }", null);
        post("query Invalid { noSuchField }", null);
        post("{ not graphql", null);
        Scrape after = Scrape.now();

        Map<String, String> upstream = labels("operation", "FailingEvents", "type", "query", "code", "UPSTREAM_UNAVAILABLE");
        assertEquals(1, after.sum("parley_graphql_errors_total", upstream)
                - before.sum("parley_graphql_errors_total", upstream));
        assertEquals(1, after.sum("parley_graphql_requests_seconds_count",
                labels("operation", "FailingEvents", "outcome", "error")));
        // A document that fails validation is counted under its name, with graphql-java's validation code.
        Map<String, String> invalid = labels("operation", "Invalid", "type", "query", "code", "GRAPHQL_VALIDATION_FAILED");
        assertEquals(1, after.sum("parley_graphql_errors_total", invalid)
                - before.sum("parley_graphql_errors_total", invalid));
        // A document that does not parse has neither name nor type.
        assertTrue(after.sum("parley_graphql_errors_total",
                labels("operation", "anonymous", "type", "unknown", "code", "GRAPHQL_PARSE_FAILED")) >= 1,
                () -> after.find("parley_graphql_errors_total", Map.of()).toString());
        assertTrue(after.sum("parley_gateway_backend_calls_seconds_count",
                labels("backend", "events-service", "endpoint", "GET /events", "outcome", "unavailable")) >= 1);
    }

    @Test
    void clientChosenOperationNamesAreSanitizedAndBounded() {
        stubBackends();
        // An operation name cannot contain anything but [_A-Za-z0-9], but operationName may: it is cleaned.
        given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Fixtures.json(Map.of("query", "{ events(first: 1) { edges { node { title } } } }",
                        "operationName", "")))
                .post("/graphql").then().statusCode(200);
        assertTrue(Scrape.now().sum("parley_graphql_requests_seconds_count",
                labels("operation", "anonymous", "type", "query")) >= 1);
        // The bound itself (BoundedLabelsTest) keeps the first names and counts the rest as "other".
        assertTrue(Scrape.now().find("parley_graphql_requests_seconds_count", Map.of()).stream()
                .allMatch(s -> s.labels().get("operation").matches("[A-Za-z0-9_]{1,64}")));
    }

    @Test
    void circuitBreakerStateIsAMetricThatFollowsEveryChange() {
        Map<String, String> reads = labels("breaker", ActorsClient.READ_BREAKER);
        // resetBackends() closed every breaker with a maintenance reset, as BackendRecovery does.
        Scrape closed = Scrape.now();
        assertEquals(1.0, closed.sum("parley_gateway_circuit_breaker_state", labels("breaker",
                ActorsClient.READ_BREAKER, "state", "closed")), () -> closed.find("parley_gateway_circuit_breaker_state", reads).toString());

        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(503)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (breakers.currentState(ActorsClient.READ_BREAKER) != CircuitBreakerState.OPEN) {
            if (System.nanoTime() > deadline) {
                fail("the read breaker of actors-service did not open within 30 s of failing calls");
            }
            post("{ actors(filter: {text: \"x\"}) { edges { node { name } } } }", null);
        }
        post("query RefusedByTheBreaker { actors(filter: {text: \"x\"}) { edges { node { name } } } }", null);
        Scrape open = Scrape.now();
        assertEquals(1.0, open.sum("parley_gateway_circuit_breaker_state",
                labels("breaker", ActorsClient.READ_BREAKER, "state", "open")));
        assertEquals(0.0, open.sum("parley_gateway_circuit_breaker_state",
                labels("breaker", ActorsClient.READ_BREAKER, "state", "closed")));
        // SmallRye's own ft_circuitbreaker_state_current is not asserted: it is not ours, dashboards and alerts do
        // not use it (it misses maintenance resets), and in a test JVM that restarted Quarkus it keeps reading the
        // stopped application's breaker, so it would make this test depend on which test class ran before.
        assertTrue(open.sum("parley_gateway_backend_calls_seconds_count",
                labels("backend", "actors-service", "outcome", "circuit_open")) >= 1,
                "a call the open breaker refused is counted as circuit_open");

        // Closed again the way BackendRecovery closes it: the state metric follows at once.
        breakers.reset(ActorsClient.READ_BREAKER);
        assertEquals(1.0, Scrape.now().sum("parley_gateway_circuit_breaker_state",
                labels("breaker", ActorsClient.READ_BREAKER, "state", "closed")));
    }

    @Test
    void aRequestIdIsEchoedForwardedToTheBackendsAndLogged() throws InterruptedException {
        stubBackends();
        String answered = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("X-Request-Id", "client-chosen-id.1").body(Fixtures.json(Map.of("query", QUERY)))
                .post("/graphql").then().statusCode(200).extract().header("X-Request-Id");
        assertEquals("client-chosen-id.1", answered);
        events.verify(getRequestedFor(urlPathEqualTo("/events")).withHeader("X-Request-Id", equalTo("client-chosen-id.1")));
        actors.verify(getRequestedFor(urlPathEqualTo("/actors")).withHeader("X-Request-Id", equalTo("client-chosen-id.1")));

        // The access log line of that request: its request id and its trace id.
        String line = awaitAccessLine("request-id=client-chosen-id.1");
        assertTrue(line.matches(".*\"POST /graphql HTTP/1.1\" 200 .* request-id=client-chosen-id\\.1 trace-id=[0-9a-f]{32}$"),
                line);
    }

    @Test
    void aMissingOrUnusableRequestIdIsReplacedByANewOne() {
        String generated = post(QUERY.replace("EventsWithActors", "NoId"), null).extract().header("X-Request-Id");
        assertTrue(generated.matches("[0-9a-f-]{36}"), generated);
        String unusable = "two words\u00e9" + "x".repeat(200);
        String replaced = post(QUERY, unusable.substring(0, 20)).extract().header("X-Request-Id");
        assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
        assertNotEquals(generated, replaced);
    }

    @Test
    void withoutAnOtlpEndpointNoTraceIsExportedAnywhere() throws InterruptedException {
        stubBackends();
        post(QUERY, "no-export-check");
        // Spans are made (the access line has a trace id) ...
        assertTrue(awaitAccessLine("request-id=no-export-check").matches(".* trace-id=[0-9a-f]{32}$"));
        // ... but never sent: the batch processor exports every 50 ms here (CollectorPorts); give it 20 rounds.
        Thread.sleep(1000);
        assertEquals(List.of(), CollectorPorts.connections(),
                "connections to the OTLP default ports 4317/4318 while no endpoint is configured");
    }

    private String awaitAccessLine(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (LogRecord record : accessLog) {
                String message = record.getMessage();
                if (message != null && message.contains(containing)) {
                    return message;
                }
            }
            Thread.sleep(20);
        }
        return fail("no access log line with " + containing + " within 10 s; captured: "
                + accessLog.stream().map(LogRecord::getMessage).toList());
    }

    /**
     * Listens on the OTLP default ports (gRPC 4317, HTTP 4318) on loopback, where Quarkus would export by
     * default, and records every connection; and has spans exported every 50 ms so a stray export shows quickly.
     */
    public static class CollectorPorts implements QuarkusTestResourceLifecycleManager {

        private static final List<String> CONNECTIONS = new CopyOnWriteArrayList<>();
        private final List<ServerSocket> sockets = new ArrayList<>();
        private final AtomicInteger threads = new AtomicInteger();

        static List<String> connections() {
            return List.copyOf(CONNECTIONS);
        }

        @Override
        public Map<String, String> start() {
            for (int port : new int[] { 4317, 4318 }) {
                try {
                    ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                    sockets.add(socket);
                    Thread accept = new Thread(() -> {
                        while (!socket.isClosed()) {
                            try (Socket s = socket.accept()) {
                                CONNECTIONS.add("port " + port + " from " + s.getRemoteSocketAddress());
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    }, "collector-port-" + port + "-" + threads.incrementAndGet());
                    accept.setDaemon(true);
                    accept.start();
                } catch (IOException e) {
                    throw new IllegalStateException("port " + port + " is taken on this machine; this test needs it free "
                            + "to prove that nothing is exported to the OTLP default endpoint", e);
                }
            }
            return Map.of("quarkus.otel.bsp.schedule.delay", "50ms");
        }

        @Override
        public void stop() {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing at the end of the run
                }
            }
        }
    }
}
