package org.parley.gateway.graphql;

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
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.BeforeExecute;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Runs in front of SmallRye's /graphql handler and does what SmallRye does not:
 * <ul>
 * <li>GraphQL-over-HTTP status codes: a request that cannot execute (parse, validation or variable
 * errors) is answered 400 when the response is application/graphql-response+json (SmallRye says 200);
 * a missing or {@code *}/{@code *} Accept gets application/json.</li>
 * <li>The per-document limits graphql-java lacks: aliases (counted here) and tokens (set as graphql-java's
 * operation parser limit, which SmallRye's parser-max-tokens key does not reach; it applies to
 * WebSocket documents as well).</li>
 * <li>Documents that ask a batched field with different arguments in one request (see
 * {@link BatchedArguments}) are refused: the batch would answer all of them with the first's.</li>
 * </ul>
 * So the document is parsed here and again by SmallRye; parsing is cheap next to any backend call.
 */
@ApplicationScoped
public class GraphQLHttpFilter {

    private static final Logger LOG = Logger.getLogger(GraphQLHttpFilter.class);
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private final Instance<GraphQLSchema> schema;
    private final Optional<Integer> maxAliases;
    private final Optional<Integer> maxTokens;

    public GraphQLHttpFilter(Instance<GraphQLSchema> schema, GatewayConfig config) {
        this.schema = schema;
        this.maxAliases = config.limits().maxAliases();
        this.maxTokens = config.limits().maxTokens();
    }

    void limitTokens(@Observes StartupEvent startup) {
        maxTokens.ifPresent(limit -> {
            ParserOptions current = ParserOptions.getDefaultOperationParserOptions();
            ParserOptions.setDefaultOperationParserOptions(current.transform(o -> o.maxTokens(limit)));
            LOG.infof("GraphQL documents are limited to %d tokens", limit);
        });
    }

    /**
     * WebSocket documents (graphql-transport-ws may carry queries too) never pass {@link #filter}: the alias
     * limit is checked again just before SmallRye executes any document. HTTP documents over the limit were
     * already refused by the filter, so this only ever refuses WebSocket ones. SmallRye turns a failure here
     * into a generic "Internal server error" message on the socket; the operation does not run.
     */
    void limitAliasesBeforeExecute(@Observes @BeforeExecute Context context) {
        if (maxAliases.isEmpty() || !context.hasRequest() || context.getQuery() == null) {
            return;
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(context.getQuery())
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
        } catch (RuntimeException e) {
            return; // graphql-java reports syntax errors and the token limit itself
        }
        int aliases = countAliases(document);
        if (aliases > maxAliases.get()) {
            throw GatewayError.of("QUERY_TOO_COMPLEX",
                    "The document has " + aliases + " aliases; at most " + maxAliases.get() + " are allowed");
        }
    }

    void install(@Observes Router router) {
        router.route("/graphql").order(-1).handler(BodyHandler.create().setBodyLimit(1024 * 1024))
                .handler(this::filter);
    }

    private void filter(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        if (accept == null || accept.isBlank() || accept.trim().equals("*/*")) {
            ctx.request().headers().set("Accept", "application/json");
            accept = "application/json";
        }
        boolean graphqlResponse = accept.contains(GRAPHQL_RESPONSE);
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
            reject(ctx, graphqlResponse, graphqlResponse ? 400 : 200, message, "QUERY_TOO_COMPLEX");
            return;
        } catch (RuntimeException e) { // InvalidSyntaxException: SmallRye answers it ("Unparseable input document")
            markBadRequest(ctx, graphqlResponse);
            ctx.next();
            return;
        }
        if (maxAliases.isPresent()) {
            int aliases = countAliases(document);
            if (aliases > maxAliases.get()) {
                reject(ctx, graphqlResponse, graphqlResponse ? 400 : 200, "The document has " + aliases
                        + " aliases; at most " + maxAliases.get() + " are allowed", "QUERY_TOO_COMPLEX");
                return;
            }
        }
        String conflict = BatchedArguments.conflict(document);
        if (conflict != null) {
            reject(ctx, graphqlResponse, graphqlResponse ? 400 : 200, conflict, GatewayError.BAD_USER_INPUT);
            return;
        }
        if (graphqlResponse && cannotExecute(document, request)) {
            markBadRequest(ctx, graphqlResponse);
        }
        ctx.next();
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

    private static void reject(RoutingContext ctx, boolean graphqlResponse, int status, String message,
            String code) {
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
        String type = ctx.request().getHeader("Content-Type");
        if (ctx.request().method() != HttpMethod.POST || type == null || !type.contains("json")
                || ctx.body() == null || ctx.body().length() == 0) {
            return null;
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
