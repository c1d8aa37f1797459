package org.parley.gateway.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.parley.gateway.config.GatewayConfig;

import graphql.GraphQLContext;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.validation.Validator;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Runs in front of SmallRye's /graphql handler and does the HTTP part SmallRye does not:
 * <ul>
 * <li>Content negotiation: a missing or {@code *}/{@code *} Accept gets application/json; an Accept that
 * allows neither application/json nor application/graphql-response+json in UTF-8 (another media type, a
 * charset such as {@code charset=bogus}, on which SmallRye's writer used to fail silently and leave the
 * request hanging) is answered 406. A POST must say what it carries: application/json or
 * application/graphql, else 415 (SmallRye would read text/plain or a body without type as JSON).</li>
 * <li>GraphQL-over-HTTP status codes: a request that cannot execute (parse, validation or variable
 * errors) is answered 400 when the response is application/graphql-response+json (SmallRye says 200).</li>
 * <li>The token limit (set as graphql-java's operation parser limit, which SmallRye's parser-max-tokens key
 * does not reach; it applies to WebSocket documents as well), answered as QUERY_TOO_COMPLEX.</li>
 * <li>The whole-request deadline ({@code parley.gateway.limits.request-timeout}): past it the client gets
 * a TIMEOUT error instead of waiting on.</li>
 * </ul>
 * Every other document limit (depth, complexity, aliases, argument rules) is checked once for every transport
 * by {@link DocumentGuards}. The document is parsed here for the token limit and the status code only.
 */
@ApplicationScoped
public class GraphQLHttpFilter {

    private static final Logger LOG = Logger.getLogger(GraphQLHttpFilter.class);
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String JSON = "application/json";
    public static final String TIMEOUT = "TIMEOUT";

    private final Instance<GraphQLSchema> schema;
    private final Optional<Integer> maxTokens;
    private final Duration requestTimeout;
    private final OperationMetrics metrics;

    public GraphQLHttpFilter(Instance<GraphQLSchema> schema, GatewayConfig config, OperationMetrics metrics) {
        this.schema = schema;
        this.metrics = metrics;
        this.maxTokens = config.limits().maxTokens();
        this.requestTimeout = config.limits().requestTimeout();
    }

    void limitTokens(@Observes StartupEvent startup) {
        maxTokens.ifPresent(limit -> {
            ParserOptions current = ParserOptions.getDefaultOperationParserOptions();
            ParserOptions.setDefaultOperationParserOptions(current.transform(o -> o.maxTokens(limit)));
            LOG.infof("GraphQL documents are limited to %d tokens", limit);
        });
    }

    void install(@Observes Router router) {
        router.route("/graphql").order(-1).handler(BodyHandler.create().setBodyLimit(1024 * 1024))
                .handler(this::filter);
    }

    private void filter(RoutingContext ctx) {
        if ("websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.next(); // graphql-transport-ws: DocumentGuards checks its documents
            return;
        }
        String accept = negotiate(ctx);
        if (accept == null) {
            problem(ctx, 406, "Not Acceptable", "The response is application/json or "
                    + GRAPHQL_RESPONSE + ", in UTF-8; the Accept header allows neither");
            return;
        }
        ctx.request().headers().set("Accept", accept);
        boolean graphqlResponse = accept.equals(GRAPHQL_RESPONSE);
        if (ctx.request().method() == HttpMethod.POST && !supportedBody(ctx.request().getHeader("Content-Type"))) {
            problem(ctx, 415, "Unsupported Media Type",
                    "A GraphQL POST is application/json (or application/graphql), in UTF-8");
            return;
        }
        Request request;
        try {
            request = read(ctx);
        } catch (MalformedRequest e) {
            // SmallRye would fail these with a 500 (a ClassCastException inside); they are the client's mistake.
            reject(ctx, graphqlResponse, 400, e.getMessage(), "BAD_REQUEST");
            return;
        }
        if (request == null) {
            ctx.next();
            return;
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(request.query())
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
        } catch (ParseCancelledException e) {
            // Too many tokens (or characters, or nesting): refused before any execution.
            String message = e.getClass() == ParseCancelledException.class
                    ? "The document has more than " + maxTokens.orElse(ParserOptions.MAX_QUERY_TOKENS) + " tokens"
                    : "The document is too large";
            reject(ctx, graphqlResponse, graphqlResponse ? 400 : 200, message, DocumentGuards.QUERY_TOO_COMPLEX);
            return;
        } catch (InvalidSyntaxException e) {
            // Answered here with a code (SmallRye's own answer has none); the status as for validation errors.
            reject(ctx, graphqlResponse, graphqlResponse ? 400 : 200, e.getMessage(), DocumentGuards.GRAPHQL_PARSE_FAILED);
            return;
        }
        if (graphqlResponse && cannotExecute(document, request)) {
            markBadRequest(ctx, graphqlResponse);
        }
        startDeadline(ctx, graphqlResponse);
        ctx.next();
    }

    /**
     * Answers the client with a TIMEOUT error when the request is not answered within the deadline; what
     * SmallRye writes afterwards is dropped. Backend calls still in flight end by their own timeouts.
     */
    private void startDeadline(RoutingContext ctx, boolean graphqlResponse) {
        long timer = ctx.vertx().setTimer(Math.max(1, requestTimeout.toMillis()), id -> {
            if (!ctx.response().ended() && !ctx.response().headWritten()) {
                LOG.warnf("A GraphQL request took longer than %s; answered with %s", requestTimeout, TIMEOUT);
                reject(ctx, graphqlResponse, graphqlResponse ? 504 : 200,
                        "The request took longer than " + requestTimeout.toMillis() + " ms", TIMEOUT);
            }
        });
        ctx.addEndHandler(ended -> ctx.vertx().cancelTimer(timer));
    }

    /**
     * The media type to answer with, or null when the Accept header allows none in UTF-8. A charset other
     * than UTF-8 disqualifies its entry: SmallRye would try to write the answer in it.
     */
    private static String negotiate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Accept");
        if (header == null || header.isBlank()) {
            return JSON;
        }
        // Parsed here, not with ctx.parsedHeaders(): those are parsed once, before the Accept set for SmallRye.
        String chosen = null;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!acceptable(parts)) {
                continue;
            }
            if (type.equals(GRAPHQL_RESPONSE)) {
                return GRAPHQL_RESPONSE;
            }
            if (type.equals(JSON) || type.equals("*/*") || type.equals("application/*")) {
                chosen = JSON;
            }
        }
        return chosen;
    }

    /** False when the media type's parameters rule it out: a charset other than UTF-8, or q=0. */
    private static boolean acceptable(String[] mediaType) {
        for (int i = 1; i < mediaType.length; i++) {
            String[] parameter = mediaType[i].split("=", 2);
            String name = parameter[0].trim().toLowerCase(Locale.ROOT);
            String value = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
            if (name.equals("charset") && !value.equalsIgnoreCase("utf-8")
                    || name.equals("q") && value.matches("0(\\.0*)?")) {
                return false;
            }
        }
        return true;
    }

    private static boolean supportedBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        return acceptable(parts) && (type.equals(JSON) || type.equals("application/graphql"));
    }

    private static void problem(RoutingContext ctx, int status, String title, String detail) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }

    private boolean cannotExecute(Document document, Request request) {
        if (!schema.isResolvable()) {
            return false;
        }
        GraphQLSchema graphQLSchema = schema.get();
        if (!new Validator().validateDocument(graphQLSchema, document, Locale.ENGLISH).isEmpty()) {
            return true;
        }
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> request.operationName() == null || request.operationName().equals(op.getName()))
                .findFirst().orElse(null);
        if (operation == null) {
            return true;
        }
        try {
            ValuesResolver.coerceVariableValues(graphQLSchema, operation.getVariableDefinitions(),
                    RawVariables.of(request.variables()), GraphQLContext.getDefault(), Locale.ENGLISH);
            return false;
        } catch (RuntimeException coercion) {
            return true;
        }
    }

    /** The status is decided now, set when SmallRye writes its (error) answer. */
    private static void markBadRequest(RoutingContext ctx, boolean graphqlResponse) {
        if (!graphqlResponse) {
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            String type = ctx.response().headers().get("Content-Type");
            if (type != null && type.contains(GRAPHQL_RESPONSE) && ctx.response().getStatusCode() == 200) {
                ctx.response().setStatusCode(400);
            }
        });
    }

    private void reject(RoutingContext ctx, boolean graphqlResponse, int status, String message, String code) {
        metrics.refused(code);
        JsonObject error = new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code));
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", (graphqlResponse ? GRAPHQL_RESPONSE : "application/json") + "; charset=utf-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    private record Request(String query, String operationName, Map<String, Object> variables) {
    }

    private static final class MalformedRequest extends RuntimeException {
        MalformedRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** The GraphQL request, null when there is none to look at, MalformedRequest when it is not one. */
    private static Request read(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.GET) {
            String query = ctx.request().getParam("query");
            if (query == null) {
                return null;
            }
            String variables = ctx.request().getParam("variables");
            Map<String, Object> vars;
            try {
                vars = variables == null || variables.isBlank() ? Map.of() : new JsonObject(variables).getMap();
            } catch (RuntimeException e) {
                throw new MalformedRequest("variables must be a JSON object");
            }
            return new Request(query, ctx.request().getParam("operationName"), vars);
        }
        if (ctx.request().method() != HttpMethod.POST || ctx.body() == null || ctx.body().length() == 0) {
            return null;
        }
        if (!ctx.request().getHeader("Content-Type").toLowerCase(Locale.ROOT).contains("json")) {
            return new Request(ctx.body().asString(), null, Map.of()); // application/graphql: the document itself
        }
        JsonObject json;
        try {
            json = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            throw new MalformedRequest("The request body is not a JSON object");
        }
        if (json == null) {
            throw new MalformedRequest("The request body is not a JSON object");
        }
        if (!(json.getValue("query") instanceof String query)) {
            throw new MalformedRequest("query must be a string");
        }
        Object operationName = json.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            throw new MalformedRequest("operationName must be a string or null");
        }
        Object variables = json.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            throw new MalformedRequest("variables must be an object or null");
        }
        Object extensions = json.getValue("extensions");
        if (extensions != null && !(extensions instanceof JsonObject)) {
            throw new MalformedRequest("extensions must be an object or null");
        }
        return new Request(query, (String) operationName,
                variables == null ? Map.of() : ((JsonObject) variables).getMap());
    }

    static int countAliases(Document document) {
        int count = 0;
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            count += countAliases(op.getSelectionSet());
        }
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            count += countAliases(fragment.getSelectionSet());
        }
        return count;
    }

    private static int countAliases(SelectionSet set) {
        if (set == null) {
            return 0;
        }
        int count = 0;
        List<Selection> selections = set.getSelections();
        for (Selection<?> selection : selections) {
            if (selection instanceof Field field) {
                count += (field.getAlias() != null ? 1 : 0) + countAliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                count += countAliases(inline.getSelectionSet());
            }
        }
        return count;
    }
}
