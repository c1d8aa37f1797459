package org.parley.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.gateway.Fixtures;
import org.parley.gateway.e2e.OtlpReceiver.ReceivedSpan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * Traces, logs and metrics over the three real services (prod profile, as deployed): one GraphQL query
 * is one trace, from the gateway through its REST calls into both services and down to their SQL; the
 * prod logs are JSON carrying that trace's id and the request id; and every metric the k8s dashboard
 * and alert rules use is one the services expose.
 */
@ExtendWith(E2eServices.class)
class ObservabilityIT {

    private static final Duration EXPORT_DEADLINE = Duration.ofSeconds(30);
    private static final List<String> SERVICES = List.of("gateway", "actors-service", "events-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneQueryIsOneTraceAcrossGatewayServicesAndSql() throws Exception {
        String requestId = answeredQuery();

        // The gateway's server span carries the request id; its GraphQL span names the operation.
        ReceivedSpan request = await("the gateway's server span of request " + requestId,
                spans -> spans.stream().filter(s -> s.service().equals("gateway")
                        && requestId.equals(s.attributes().get("http.request.header.x-request-id"))).findFirst()
                        .orElse(null));
        String traceId = request.traceId();
        ReceivedSpan operation = await("the gateway's span of operation TraceProbe in trace " + traceId,
                spans -> spans.stream().filter(s -> s.traceId().equals(traceId)
                        && s.attributes().containsKey("graphql.operation.name")).findFirst().orElse(null));
        assertEquals("gateway", operation.service());
        assertEquals("TraceProbe", operation.attributes().get("graphql.operation.name"), operation::toString);
        assertEquals("query", operation.attributes().get("graphql.operation.type"), operation::toString);
        assertEquals("query TraceProbe", operation.name(), operation::toString);

        // The whole trace arrives: both services and SQL in each, every span's parent in the same trace.
        List<ReceivedSpan> trace = await("one connected trace " + traceId + " across the three services with SQL",
                spans -> {
                    List<ReceivedSpan> in = spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
                    return services(in).containsAll(SERVICES) && sql(in, "actors-service") && sql(in, "events-service")
                            && orphans(in).isEmpty() ? in : null;
                });
        List<ReceivedSpan> roots = trace.stream().filter(ReceivedSpan::isRoot).toList();
        assertEquals(1, roots.size(), () -> "one root span, the gateway's server span: " + describe(trace));
        assertEquals(request, roots.get(0), () -> "the root is the gateway's server span: " + describe(trace));
        System.out.println("ObservabilityIT: the trace of one query:" + describe(trace));
        // Each service's work hangs under a gateway client span (the REST call), not beside it.
        for (String service : List.of("actors-service", "events-service")) {
            for (ReceivedSpan server : trace.stream()
                    .filter(s -> s.service().equals(service) && s.kind().equals("SERVER")).toList()) {
                ReceivedSpan parent = byId(trace, server.parentSpanId());
                assertEquals("gateway", parent.service(), () -> server + " under " + parent);
                assertEquals("CLIENT", parent.kind(), () -> server + " under " + parent);
            }
        }
        // No span of this request went into another trace.
        Set<String> traces = E2eServices.traces().spans().stream()
                .filter(s -> requestId.equals(s.attributes().get("http.request.header.x-request-id")))
                .map(ReceivedSpan::traceId).collect(Collectors.toSet());
        assertEquals(Set.of(traceId), traces);
        assertEquals(List.of(), E2eServices.traces().rejected());

        // Prod logs: JSON; the access line of this request in each service has the request id and trace id.
        for (String service : SERVICES) {
            JsonNode line = awaitLogLine(service, json -> json.path("loggerName").asText().equals("io.quarkus.http.access-log")
                    && json.path("message").asText().contains("request-id=" + requestId));
            assertEquals(traceId, line.path("mdc").path("traceId").asText(), () -> service + ": " + line);
            assertTrue(line.path("message").asText().contains("trace-id=" + traceId), () -> service + ": " + line);
            assertTrue(line.path("mdc").path("spanId").asText().matches("[0-9a-f]{16}"), () -> service + ": " + line);
        }
    }

    @Test
    void dashboardsAndAlertsUseOnlyMetricsTheServicesExpose() throws Exception {
        // So that the series exist: a query, and one that fails validation (an error with a code).
        answeredQuery();
        given().baseUri(E2eServices.services().gatewayUrl()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Fixtures.json(Map.of("query", "query NoSuchField { noSuchField }"))).post("/graphql")
                .then().body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        Map<String, Set<String>> expected = ExposedMetrics.read();
        for (String service : SERVICES) {
            String url = switch (service) {
                case "gateway" -> E2eServices.services().gatewayUrl();
                case "actors-service" -> E2eServices.services().actorsUrl();
                default -> E2eServices.services().eventsUrl();
            };
            String scrape = given().baseUri(url).get("/q/metrics").then().statusCode(200).extract().asString();
            Set<String> exposed = scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
            Set<String> missing = new TreeSet<>(expected.getOrDefault(service, Set.of()));
            missing.removeAll(exposed);
            assertEquals(Set.of(), missing, () -> service + " does not expose metrics listed in "
                    + ExposedMetrics.FILE + "; it exposes " + exposed);
        }
    }

    /**
     * Sends TraceProbe until it is answered without errors (the first, cold query on a busy machine can
     * outlast the gateway's backend timeout) and returns the request id of the answered one.
     */
    private static String answeredQuery() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", """
                query TraceProbe {
                  events(first: 3) { edges { node { title participants { role actor { name } } } } }
                }""");
        List<Object> failures = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            String requestId = "observability-it-" + UUID.randomUUID();
            var answer = given().baseUri(E2eServices.services().gatewayUrl()).contentType(ContentType.JSON)
                    .accept(ContentType.JSON).header("X-Request-Id", requestId).body(Fixtures.json(body))
                    .post("/graphql").then().statusCode(200).header("X-Request-Id", equalTo(requestId))
                    .extract().jsonPath();
            if (answer.get("errors") == null) {
                return requestId;
            }
            failures.add(answer.get("errors"));
        }
        return fail("TraceProbe was never answered without errors: " + failures);
    }

    private static Set<String> services(List<ReceivedSpan> spans) {
        return spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
    }

    /** A span of the reactive PostgreSQL client in that service: a SELECT (OpenTelemetry's database conventions). */
    private static boolean sql(List<ReceivedSpan> spans, String service) {
        return spans.stream().anyMatch(s -> s.service().equals(service) && s.kind().equals("CLIENT")
                && s.attributes().getOrDefault("db.query.text", s.attributes().getOrDefault("db.statement", ""))
                        .matches("(?is)\\s*select\\b.*"));
    }

    private static List<ReceivedSpan> orphans(List<ReceivedSpan> trace) {
        Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        return trace.stream().filter(s -> !s.isRoot() && !ids.contains(s.parentSpanId())).toList();
    }

    private static ReceivedSpan byId(List<ReceivedSpan> trace, String spanId) {
        return trace.stream().filter(s -> s.spanId().equals(spanId)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + spanId + " in " + describe(trace)));
    }

    private static String describe(List<ReceivedSpan> spans) {
        return spans.stream().map(s -> s.service() + " " + s.kind() + " '" + s.name() + "' " + s.spanId() + " <- "
                + s.parentSpanId() + " " + s.attributes()).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    private interface Finder<T> {
        T find(List<ReceivedSpan> spans);
    }

    private static <T> T await(String what, Finder<T> finder) throws InterruptedException {
        long deadline = System.nanoTime() + EXPORT_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            T found = finder.find(E2eServices.traces().spans());
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        fail("not exported within " + EXPORT_DEADLINE + ": " + what + "; received:"
                + describe(E2eServices.traces().spans()));
        return null;
    }

    private static JsonNode awaitLogLine(String service, Predicate<JsonNode> wanted) throws Exception {
        Path log = E2eServices.log(service);
        long deadline = System.nanoTime() + EXPORT_DEADLINE.toNanos();
        List<String> notJson = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            notJson.clear();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.startsWith("{")) {
                    notJson.add(line); // the JVM's own lines (e.g. a warning before logging starts) are not ours
                    continue;
                }
                JsonNode json;
                try {
                    json = JSON.readTree(line);
                } catch (IOException e) {
                    throw new AssertionError(service + ": a log line that is not JSON: " + line, e);
                }
                if (wanted.test(json)) {
                    return json;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(service + ": no such JSON log line in " + log + " within " + EXPORT_DEADLINE
                + (notJson.isEmpty() ? "" : "; lines that are not JSON: " + notJson));
    }
}
