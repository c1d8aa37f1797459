package org.parley.gateway.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.loaders.RequestRegistry;

import graphql.ErrorType;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.GraphQLError;
import graphql.analysis.FieldComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.ExecutionResult;
import io.smallrye.graphql.spi.config.Config;

/**
 * Every check a document must pass before anything runs, in ONE place for every transport (POST with any
 * content type, GET, the WebSocket): graphql-java instrumentations on the document {@link ParsedDocuments} parsed
 * and validated once per distinct text. Refusals are GraphQL errors with {@code extensions.code}:
 * {@code QUERY_TOO_COMPLEX} for the depth, complexity and alias limits, {@code BAD_USER_INPUT} for
 * arguments that break {@link ArgumentRules} (with
 * {@code violations[].field} naming the argument path).
 * <p>
 * SmallRye offers no way to add an instrumentation to its own chain, so this observer of the GraphQL
 * builder replaces the chain with the same parts (its depth and
 * complexity settings; {@link ParsedDocuments} in place of its document cache) plus ours. The complexity counts
 * list sizes: a field with {@code first} (or {@code limit}) costs its children that many times, so one
 * small-looking document cannot ask for a million nested events.
 */
@ApplicationScoped
public class DocumentGuards {

    public static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    /** The document is not GraphQL (graphql-java's InvalidSyntax). */
    public static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    /** The document does not fit the schema, or a variable does not fit its type (ValidationError). */
    public static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";

    private final Optional<Integer> maxAliases;
    private final PersistedDocuments documents;
    private final ParsedDocuments parsedDocuments;
    private final OperationMetrics metrics;

    public DocumentGuards(GatewayConfig config, PersistedDocuments documents, ParsedDocuments parsedDocuments,
            OperationMetrics metrics) {
        this.maxAliases = config.limits().maxAliases();
        this.documents = documents;
        this.parsedDocuments = parsedDocuments;
        this.metrics = metrics;
    }

    void install(@Observes GraphQL.Builder builder) {
        Config smallrye = Config.get();
        List<SimplePerformantInstrumentation> chain = new ArrayList<>();
        // SmallRye's depth and complexity settings, checked in the same single walk as our own checks.
        chain.add(new OperationChecks(smallrye.getQueryDepthInstrumentation(),
                smallrye.getQueryComplexityInstrumentation(), maxAliases));
        // The request's DataLoader registry for org.parley.gateway.loaders (one call per resource per level).
        chain.add(new RequestRegistry());
        // Last: it counts the errors as the client gets them, codes included (OperationChecks adds them).
        chain.add(metrics.instrumentation());
        // No SmallRye QueryCache: ParsedDocuments is the one document cache, shared with GraphQLHttpFilter.
        // All three act once per operation: a chain that does not ask them at every field (OperationInstrumentations).
        builder.instrumentation(new OperationInstrumentations(chain)).preparsedDocumentProvider(documentProvider());
    }

    /**
     * The parsed, validated document from {@link ParsedDocuments} (an HTTP request's was parsed there already by
     * GraphQLHttpFilter), so graphql-java's own parse-and-validate step never runs. In trusted-only mode, a
     * document outside the manifests is refused before it is parsed, whatever the transport: this is where
     * WebSocket subscriptions are held to the manifests (HTTP requests are refused earlier, by
     * GraphQLHttpFilter, and pass here only with a trusted text).
     */
    private PreparsedDocumentProvider documentProvider() {
        return (input, parseAndValidate) -> {
            if (documents.trustedOnly() && !documents.isTrusted(input.getQuery())) {
                return CompletableFuture.completedFuture(new PreparsedDocumentEntry(GatewayError.of(
                        PersistedDocuments.PERSISTED_QUERY_NOT_IN_LIST,
                        "Only trusted documents run here: this document is not in the gateway's manifests")));
            }
            return CompletableFuture.completedFuture(parsedDocuments.entry(input));
        };
    }

    /** The cost of a field: 1 plus its children's, times its page size when it returns a page. */
    static final FieldComplexityCalculator PAGE_SIZED = (env, childComplexity) -> {
        Object size = env.getArguments().get("first");
        if (size == null) {
            size = env.getArguments().get("limit");
        }
        int times = size instanceof Number n ? Math.max(1, n.intValue()) : 1;
        long cost = 1L + (long) times * childComplexity;
        return (int) Math.min(Integer.MAX_VALUE, cost);
    };

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get("code") != null;
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (hasCode(error)) {
            return error;
        }
        String code = error.getErrorType() == ErrorType.InvalidSyntax ? GRAPHQL_PARSE_FAILED
                : error.getErrorType() == ErrorType.ValidationError ? GRAPHQL_VALIDATION_FAILED
                : GatewayError.INTERNAL_SERVER_ERROR;
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", code);
        return GraphqlErrorBuilder.newError().message("%s", error.getMessage()).locations(error.getLocations())
                .path(error.getPath()).errorType(error.getErrorType()).extensions(extensions).build();
    }

    static AbortExecutionException refusal(String code, String message) {
        return refusal(GatewayError.of(code, message));
    }

    private static AbortExecutionException refusal(GraphQLError error) {
        return new AbortExecutionException(List.of(error));
    }

    private static AbortExecutionException depthRefusal(int depth, int maxDepth) {
        return refusal(QUERY_TOO_COMPLEX, "The document is " + depth + " levels deep; at most " + maxDepth
                + " are allowed (maximum query depth exceeded)");
    }

    private static AbortExecutionException complexityRefusal(int complexity, int maxComplexity) {
        return refusal(QUERY_TOO_COMPLEX, "The document's complexity is " + complexity + " (each page counts "
                + "its fields once per item asked with first/limit); at most " + maxComplexity
                + " is allowed (maximum query complexity exceeded)");
    }

    /**
     * Every limit and rule on the operation about to run, in this order: depth, complexity (SmallRye's settings),
     * aliases, batched-field arguments, the argument rules. Depth, complexity and the argument rules come from ONE
     * walk of the operation ({@link OperationWalk}: fragments expanded and {@code @skip}/{@code @include} applied
     * with the request's variables). graphql-java's MaxQueryDepthInstrumentation and
     * MaxQueryComplexityInstrumentation would walk it once each, and resolve every field's arguments again.
     */
    private static final class OperationChecks extends SimplePerformantInstrumentation {
        private final Optional<Integer> maxDepth;
        private final Optional<Integer> maxComplexity;
        private final Optional<Integer> maxAliases;

        OperationChecks(Optional<Integer> maxDepth, Optional<Integer> maxComplexity, Optional<Integer> maxAliases) {
            this.maxDepth = maxDepth;
            this.maxComplexity = maxComplexity;
            this.maxAliases = maxAliases;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            OperationWalk walk = OperationWalk.of(execution.getGraphQLSchema(), execution.getOperationDefinition(),
                    execution.getFragmentsByName(), execution.getCoercedVariables());
            if (maxDepth.isPresent() && walk.depth > maxDepth.get()) {
                throw depthRefusal(walk.depth, maxDepth.get());
            }
            if (maxComplexity.isPresent() && walk.complexity > maxComplexity.get()) {
                throw complexityRefusal(walk.complexity, maxComplexity.get());
            }
            if (maxAliases.isPresent()) {
                int aliases = GraphQLHttpFilter.countAliases(execution.getDocument());
                if (aliases > maxAliases.get()) {
                    throw refusal(QUERY_TOO_COMPLEX, "The document has " + aliases + " aliases; at most "
                            + maxAliases.get() + " are allowed");
                }
            }
            if (!walk.violations.isEmpty()) {
                throw refusal(invalidArguments(walk.where, walk.violations));
            }
            return super.beginExecuteOperation(parameters, state);
        }

        /**
         * graphql-java's own request errors (syntax, validation, variable coercion) carry only a
         * {@code classification}; they get a {@code code} like every other error, so a client can branch on
         * one field. Anything else without a code is an unexpected failure and says so.
         */
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().stream().allMatch(DocumentGuards::hasCode)) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> typed = result.getErrors().stream().map(DocumentGuards::withCode).toList();
            return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(typed)));
        }

        private static GatewayError invalidArguments(List<String> fields, List<ArgumentRules.Violation> violations) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            violations.forEach(v -> array.add(Json.createObjectBuilder().add("field", v.field())
                    .add("message", v.message())));
            Map<String, JsonValue> more = new LinkedHashMap<>();
            more.put("retryable", JsonValue.FALSE);
            more.put("violations", array.build());
            ArgumentRules.Violation first = violations.get(0);
            return GatewayError.of(GatewayError.BAD_USER_INPUT, "Invalid argument of " + fields.get(0) + ": "
                    + first.field() + " " + first.message(), more);
        }
    }
}
