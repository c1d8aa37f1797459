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
import graphql.GraphQLError;
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
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
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
 * <li>Persisted documents ({@link PersistedDocuments}): a hash (Apollo's {@code extensions.persistedQuery} or
 * {@code documentId}) is replaced by its stored document before the request runs; unknown hashes,
 * mismatched hashes and, in trusted-only mode, documents outside the manifests are refused here.</li>
 * <li>GET: queries only (a mutation is 405), answered with ETag and Cache-Control.</li>
 * <li>Execution: GET and POST are run by {@link GraphQLExecution}, from the request as read here; SmallRye's
 * handler answers what is not a GraphQL request (OPTIONS, an empty POST).</li>
 * </ul>
 * Every other document limit (depth, complexity, aliases, argument rules) is checked once for every transport
 * by {@link DocumentGuards}. The document is parsed and validated here through {@link ParsedDocuments}, which then
 * hands graphql-java the same document: one parse and one validation per distinct text, not one per request.
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
    private final PersistedDocuments documents;
    private final ParsedDocuments parsedDocuments;
    private final GraphQLExecution execution;
    private final OperationMetrics metrics;

    public GraphQLHttpFilter(Instance<GraphQLSchema> schema, GatewayConfig config, PersistedDocuments documents,
            ParsedDocuments parsedDocuments, GraphQLExecution execution, OperationMetrics metrics) {
        this.schema = schema;
        this.parsedDocuments = parsedDocuments;
        this.metrics = metrics;
        this.maxTokens = config.limits().maxTokens();
        this.requestTimeout = config.limits().requestTimeout();
        this.documents = documents;
        this.execution = execution;
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
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            ctx.next(); // OPTIONS and the rest: SmallRye's answer
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
        if (method == HttpMethod.POST && !supportedBody(ctx.request().getHeader("Content-Type"))) {
            problem(ctx, 415, "Unsupported Media Type",
                    "A GraphQL POST is application/json (or application/graphql), in UTF-8");
            return;
        }
        Request request;
        Resolved resolved;
        try {
            request = read(ctx);
            if (request == null) {
                ctx.next();
                return;
            }
            resolved = resolve(request);
        } catch (MalformedRequest e) {
            // SmallRye would fail these with a 500 (a ClassCastException inside); they are the client's mistake.
            reject(ctx, graphqlResponse, 400, e.getMessage(), "BAD_REQUEST");
            return;
        } catch (Refusal e) {
            // application/json keeps 200 for a well-formed request (and Apollo's persisted-query link gives up
            // persisted queries altogether on a 400); application/graphql-response+json says it in the status.
            reject(ctx, graphqlResponse, graphqlResponse ? e.status : 200, e.getMessage(), e.code);
            return;
        }
        Document document;
        List<? extends GraphQLError> invalid;
        if (resolved.stored() != null) {
            document = resolved.stored().document(); // parsed and validated at start: the text is not parsed again
            invalid = List.of();
        } else {
            try {
                // The same parse graphql-java then gets from ParsedDocuments: each text is parsed (and validated) once.
                ParsedDocuments.Parsed parsed = parsedDocuments.parse(resolved.text());
                document = parsed.document();
                invalid = parsedDocuments.errors(parsed);
            } catch (ParseCancelledException e) {
                // Too many tokens (or characters, or nesting): refused before any execution.
                String message = e.getClass() == ParseCancelledException.class
                        ? "The document has more than " + maxTokens.orElse(ParserOptions.MAX_QUERY_TOKENS) + " tokens"
                        : "The document is too large";
                reject(ctx, graphqlResponse, graphqlResponse ? 400 : 200, message, DocumentGuards.QUERY_TOO_COMPLEX);
                return;
            } catch (InvalidSyntaxException e) {
                // Answered here with a code (SmallRye's own answer has none); the status as for validation errors.
                reject(ctx, graphqlResponse, graphqlResponse ? 400 : 200, e.getMessage(),
                        DocumentGuards.GRAPHQL_PARSE_FAILED);
                return;
            }
            if (resolved.registerAs() != null && invalid.isEmpty()) {
                documents.register(resolved.registerAs(), resolved.text()); // APQ: the hash alone will do next time
            }
        }
        if (method == HttpMethod.GET) {
            OperationDefinition operation = operation(document, request.operationName());
            if (operation != null && operation.getOperation() != OperationDefinition.Operation.QUERY) {
                // GraphQL over HTTP: GET is safe, so a mutation (or subscription) sent with it is 405, unexecuted.
                ctx.response().putHeader("Allow", "POST");
                reject(ctx, graphqlResponse, 405, "A " + operation.getOperation().name().toLowerCase(Locale.ROOT)
                        + " is sent with POST; GET runs queries only", "METHOD_NOT_ALLOWED");
                return;
            }
        }
        if (graphqlResponse && cannotExecute(document, invalid, request)) {
            markBadRequest(ctx, graphqlResponse);
        }
        startDeadline(ctx, graphqlResponse);
        // Run here, GET and POST alike: the request is read already, SmallRye's handler would read it again.
        execution.execute(ctx, resolved.text(), request.operationName(), request.variables(), accept,
                method == HttpMethod.GET);
    }

    /** The document to run: the client's own text, or the stored document its hash names. */
    private Resolved resolve(Request request) {
        String hash = request.hash();
        if (hash == null) {
            Optional<PersistedDocuments.Stored> stored = documents.byText(request.query());
            if (stored.isEmpty() && documents.trustedOnly()) {
                throw notInList();
            }
            return new Resolved(request.query(), stored.orElse(null), null);
        }
        Optional<PersistedDocuments.Stored> stored = documents.byHash(hash);
        if (request.query() == null) {
            if (stored.isPresent()) {
                return new Resolved(stored.get().text(), stored.get(), null);
            }
            return documents.registered(hash).map(text -> new Resolved(text, null, null))
                    .orElseThrow(() -> new Refusal(404, PersistedDocuments.NOT_FOUND_MESSAGE,
                            PersistedDocuments.PERSISTED_QUERY_NOT_FOUND));
        }
        String actual = PersistedDocuments.sha256(request.query());
        if (!actual.equals(hash)) {
            throw new Refusal(400, "The hash sent is not the SHA-256 of the document sent (that is " + actual + ")",
                    PersistedDocuments.PERSISTED_QUERY_HASH_MISMATCH);
        }
        if (stored.isPresent()) {
            return new Resolved(stored.get().text(), stored.get(), null);
        }
        if (documents.trustedOnly()) {
            throw notInList();
        }
        return new Resolved(request.query(), null, hash);
    }

    private static Refusal notInList() {
        return new Refusal(403, "Only trusted documents run here: send the hash of a document of the gateway's "
                + "manifests (extensions.persistedQuery.sha256Hash or documentId), or its exact text",
                PersistedDocuments.PERSISTED_QUERY_NOT_IN_LIST);
    }

    /** The operation a request runs: the one named, or the only one when none is named; null if there is none. */
    static OperationDefinition operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(op -> operationName.equals(op.getName())).findFirst().orElse(null);
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

    /** Validation errors (known already, see ParsedDocuments), no operation to run, or variables that do not fit. */
    private boolean cannotExecute(Document document, List<? extends GraphQLError> invalid, Request request) {
        if (!schema.isResolvable()) {
            return false;
        }
        if (!invalid.isEmpty()) {
            return true;
        }
        OperationDefinition operation = operation(document, request.operationName());
        if (operation == null) {
            return true;
        }
        if (operation.getVariableDefinitions().isEmpty()) {
            return false; // nothing to coerce (variables sent but not declared are ignored, as graphql-java does)
        }
        try {
            ValuesResolver.coerceVariableValues(schema.get(), operation.getVariableDefinitions(),
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

    /** A GraphQL request as sent: the document's text and/or its hash (lower-case hex), never both absent. */
    private record Request(String query, String operationName, Map<String, Object> variables, String hash) {
    }

    /** The document a request runs: its text, the trusted entry when it is one, the hash to remember (APQ). */
    private record Resolved(String text, PersistedDocuments.Stored stored, String registerAs) {
    }

    private static final class MalformedRequest extends RuntimeException {
        MalformedRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** A well-formed request that is not run: its status under application/graphql-response+json, its code. */
    private static final class Refusal extends RuntimeException {
        private final int status;
        private final String code;

        Refusal(int status, String message, String code) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    /** The GraphQL request, null when there is none to look at, MalformedRequest when it is not one. */
    private static Request read(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.GET) {
            String query = emptyToNull(ctx.request().getParam("query"));
            String hash = hashOf(ctx.request().getParam("documentId"),
                    jsonObject(ctx.request().getParam("extensions"), "extensions"));
            if (query == null && hash == null) {
                throw new MalformedRequest("A GraphQL GET carries the document in query, or its hash in documentId "
                        + "or extensions.persistedQuery");
            }
            JsonObject variables = jsonObject(ctx.request().getParam("variables"), "variables");
            return new Request(query, emptyToNull(ctx.request().getParam("operationName")),
                    variables == null ? Map.of() : variables.getMap(), hash);
        }
        if (ctx.body() == null || ctx.body().length() == 0) {
            return null;
        }
        if (!isJson(ctx.request().getHeader("Content-Type"))) {
            // application/graphql: the document itself
            return new Request(ctx.body().asString(), null, Map.of(), null);
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
        Object query = json.getValue("query");
        if (query != null && !(query instanceof String)) {
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
        String hash = hashOf(json.getValue("documentId"), (JsonObject) extensions);
        if (query == null && hash == null) {
            throw new MalformedRequest("query must be a string (or the document's hash be sent in documentId or "
                    + "extensions.persistedQuery)");
        }
        return new Request((String) query, emptyToNull((String) operationName),
                variables == null ? Map.of() : ((JsonObject) variables).getMap(), hash);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static JsonObject jsonObject(String parameter, String name) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        try {
            return new JsonObject(parameter);
        } catch (RuntimeException e) {
            throw new MalformedRequest(name + " must be a JSON object");
        }
    }

    /**
     * The hash a request names: GraphQL over HTTP's {@code documentId} ("sha256:&lt;hex&gt;"; any other identifier
     * names no document here) and/or Apollo's {@code extensions.persistedQuery {version: 1, sha256Hash}}.
     */
    private static String hashOf(Object documentId, JsonObject extensions) {
        String byId = null;
        if (documentId != null) {
            if (!(documentId instanceof String id) || id.isEmpty()) {
                throw new MalformedRequest("documentId must be a string");
            }
            byId = id.startsWith("sha256:") ? id.substring("sha256:".length()).toLowerCase(Locale.ROOT) : id;
        }
        String byExtension = null;
        Object persisted = extensions == null ? null : extensions.getValue("persistedQuery");
        if (persisted != null) {
            if (!(persisted instanceof JsonObject persistedQuery)) {
                throw new MalformedRequest("extensions.persistedQuery must be an object");
            }
            if (!Integer.valueOf(1).equals(persistedQuery.getValue("version"))) {
                throw new MalformedRequest("extensions.persistedQuery.version must be 1");
            }
            if (!(persistedQuery.getValue("sha256Hash") instanceof String hash) || hash.isEmpty()) {
                throw new MalformedRequest("extensions.persistedQuery.sha256Hash must be a string");
            }
            byExtension = hash.toLowerCase(Locale.ROOT);
        }
        if (byId != null && byExtension != null && !byId.equals(byExtension)) {
            throw new MalformedRequest("documentId and extensions.persistedQuery.sha256Hash name different documents");
        }
        return byId != null ? byId : byExtension;
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
