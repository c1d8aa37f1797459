package org.parley.gateway.graphql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.parley.gateway.observability.BoundedLabels;
import org.parley.gateway.observability.LatencyBuckets;
import org.parley.gateway.observability.MetricsConfig;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;

/**
 * One GraphQL operation, as a platform team sees it: every HTTP request to /graphql has the same URI, so
 * the per-operation view comes from here, a graphql-java instrumentation (last in {@link DocumentGuards}'
 * chain, so it sees the final errors with their codes) that works the same for every transport.
 * <ul>
 * <li>{@code parley_graphql_requests_seconds} (count, sum, buckets) by {@code operation}, {@code type}
 * (query, mutation, subscription; unknown when the document does not parse) and {@code outcome}
 * (success, or error when the response has any error);</li>
 * <li>{@code parley_graphql_errors_total} by {@code operation}, {@code type} and {@code code} (the
 * errors' {@code extensions.code}), one per error;</li>
 * <li>on the current trace span: {@code graphql.operation.name} and {@code graphql.operation.type}
 * (OpenTelemetry's GraphQL conventions), and the span is named {@code <type> <name>}.</li>
 * </ul>
 * Operation names come from clients: {@link BoundedLabels} sanitizes them and caps how many distinct
 * ones become labels ({@code parley.metrics.max-operation-names}); anonymous operations are
 * {@code anonymous}. Error codes are capped the same way.
 */
@ApplicationScoped
public class OperationMetrics {

    public static final String REQUESTS = "parley.graphql.requests";
    public static final String ERRORS = "parley.graphql.errors";
    private final MeterRegistry registry;
    private final ParsedDocuments parsedDocuments;
    private final BoundedLabels operations;
    private final BoundedLabels codes = new BoundedLabels(40);
    // The meters by their labels: built (and looked up in the registry) once per label set, not per request.
    // Bounded as the labels are: operations × types × outcomes (× codes).
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public OperationMetrics(MeterRegistry registry, MetricsConfig config, ParsedDocuments parsedDocuments) {
        this.registry = registry;
        this.parsedDocuments = parsedDocuments;
        this.operations = new BoundedLabels(config.maxOperationNames());
    }

    /** The instrumentation to add to the GraphQL chain. */
    SimplePerformantInstrumentation instrumentation() {
        return new Instrument();
    }

    private static final class Operation implements InstrumentationState {
        final long start = System.nanoTime();
        String name;
        String type = "unknown";
    }

    private final class Instrument extends SimplePerformantInstrumentation {

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            Operation operation = new Operation();
            operation.name = parameters.getExecutionInput().getOperationName();
            return operation;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            if (state instanceof Operation operation) {
                OperationDefinition definition = parameters.getExecutionContext().getOperationDefinition();
                operation.type = definition.getOperation().name().toLowerCase(Locale.ROOT);
                if (definition.getName() != null) {
                    operation.name = definition.getName();
                }
                String name = operations.label(operation.name, "anonymous");
                Span span = Span.current();
                if (span.isRecording()) {
                    span.setAttribute("graphql.operation.type", operation.type);
                    span.setAttribute("graphql.operation.name", name);
                    span.updateName(operation.type + " " + name);
                }
            }
            return super.beginExecuteOperation(parameters, state);
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (state instanceof Operation operation) {
                if (operation.type.equals("unknown")) {
                    asWritten(operation, parameters.getExecutionInput().getQuery());
                }
                record(operation, result.getErrors());
            }
            return CompletableFuture.completedFuture(result);
        }
    }

    /**
     * The operation as written when it never reached execution (it failed validation): its document is the one
     * ParsedDocuments parsed for graphql-java, when it parsed at all.
     */
    private void asWritten(Operation operation, String query) {
        Document document = query == null ? null : parsedDocuments.cached(query);
        OperationDefinition written = document == null ? null : GraphQLHttpFilter.operation(document, operation.name);
        if (written != null) {
            operation.type = written.getOperation().name().toLowerCase(Locale.ROOT);
            operation.name = written.getName();
        }
    }

    /**
     * A document refused before graphql-java saw it (GraphQLHttpFilter: unparsable, over the token limit,
     * a malformed request): one error, operation {@code anonymous} of type {@code unknown}. Not timed: the
     * latency histogram is about operations that ran.
     */
    void refused(String code) {
        countError(operations.label(null, "anonymous"), "unknown", code);
    }

    private void countError(String name, String type, String code) {
        String label = codes.label(code, "NONE");
        counters.computeIfAbsent(List.of(name, type, label), key -> Counter.builder(ERRORS)
                .description("GraphQL errors, by extensions.code")
                .tags("operation", name, "type", type, "code", label)
                .register(registry)).increment();
    }

    private void record(Operation operation, List<GraphQLError> errors) {
        String name = operations.label(operation.name, "anonymous");
        String outcome = errors.isEmpty() ? "success" : "error";
        timers.computeIfAbsent(List.of(name, operation.type, outcome), key -> Timer.builder(REQUESTS)
                .description("GraphQL operations, by operation name and type")
                .tags("operation", name, "type", operation.type, "outcome", outcome)
                .serviceLevelObjectives(LatencyBuckets.bounds())
                .register(registry)).record(System.nanoTime() - operation.start, TimeUnit.NANOSECONDS);
        for (GraphQLError error : errors) {
            Map<String, Object> extensions = error.getExtensions();
            Object code = extensions == null ? null : extensions.get("code");
            // GatewayError's extension values are JSON values (a JsonString prints with its quotes).
            String text = code instanceof JsonString json ? json.getString() : code == null ? null : code.toString();
            countError(name, operation.type, text);
        }
    }
}
