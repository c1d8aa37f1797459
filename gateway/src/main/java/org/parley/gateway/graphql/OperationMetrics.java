package org.parley.gateway.graphql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
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
    private final BoundedLabels operations;
    private final BoundedLabels codes = new BoundedLabels(40);

    public OperationMetrics(MeterRegistry registry, MetricsConfig config) {
        this.registry = registry;
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

        /** The operation as written, also when it then fails validation (it never reaches execution). */
        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(
                InstrumentationValidationParameters parameters, InstrumentationState state) {
            if (state instanceof Operation operation) {
                OperationDefinition d = GraphQLHttpFilter.operation(parameters.getDocument(), operation.name);
                if (d != null) {
                    operation.type = d.getOperation().name().toLowerCase(Locale.ROOT);
                    operation.name = d.getName();
                }
            }
            return super.beginValidation(parameters, state);
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
                record(operation, result.getErrors());
            }
            return CompletableFuture.completedFuture(result);
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
        Counter.builder(ERRORS).description("GraphQL errors, by extensions.code")
                .tags("operation", name, "type", type, "code", codes.label(code, "NONE"))
                .register(registry).increment();
    }

    private void record(Operation operation, List<GraphQLError> errors) {
        String name = operations.label(operation.name, "anonymous");
        Timer.builder(REQUESTS).description("GraphQL operations, by operation name and type")
                .tags("operation", name, "type", operation.type, "outcome", errors.isEmpty() ? "success" : "error")
                .serviceLevelObjectives(LatencyBuckets.bounds())
                .register(registry).record(System.nanoTime() - operation.start, TimeUnit.NANOSECONDS);
        for (GraphQLError error : errors) {
            Map<String, Object> extensions = error.getExtensions();
            Object code = extensions == null ? null : extensions.get("code");
            // GatewayError's extension values are JSON values (a JsonString prints with its quotes).
            String text = code instanceof JsonString json ? json.getString() : code == null ? null : code.toString();
            countError(name, operation.type, text);
        }
    }
}
