package org.parley.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.http.EntityTags;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs a GraphQL request that came over HTTP (GET or POST) and writes its answer.
 * <p>
 * The request goes to SmallRye's {@link ExecutionService} directly, prepared as SmallRye's HTTP handler prepares
 * one (request context, security identity, current request, the context map its data fetchers read), so
 * resolvers, {@link Access}, {@link DocumentGuards} and SmallRye's events see no difference. What differs is the
 * HTTP part:
 * <ul>
 * <li>A GET (a query) is answered cacheably: a strong {@code ETag} of the body, {@code If-None-Match} → 304,
 * {@code Cache-Control} by {@code parley.gateway.http-cache.max-age} ({@code public} unless the request carried
 * credentials or reads require a role, then {@code private}; {@code no-store} for any answer with errors, so a
 * backend hiccup is never cached). SmallRye's own GET handling cannot be used: it URL-decodes parameters a second
 * time (a {@code %} or {@code +} in a document or variable changes meaning), turns every line break into a space
 * (a {@code #} comment then swallows the rest of the document) and passes the document as the operation name, and
 * the body it writes is out of reach for an ETag.</li>
 * <li>A POST is answered as SmallRye's handler answers it (status, headers, the 500 of an aborted execution
 * without data), from the request {@link GraphQLHttpFilter} read (the JSON-P object SmallRye's execution takes is
 * built from it, as for a GET, by {@link ExecutionInputJson}), and the answer is written
 * by {@link ResultJson} (the same bytes without SmallRye's JSON-P tree).</li>
 * </ul>
 */
@ApplicationScoped
public class GraphQLExecution {

    private static final Logger LOG = Logger.getLogger(GraphQLExecution.class);

    private final Instance<ExecutionService> executionService;
    private final Instance<CurrentIdentityAssociation> identity;
    private final CurrentVertxRequest currentRequest;
    private final Duration maxAge;
    private final boolean readsRequireRole;
    private final boolean runBlocking;

    public GraphQLExecution(Instance<ExecutionService> executionService,
            Instance<CurrentIdentityAssociation> identity, CurrentVertxRequest currentRequest, GatewayConfig config) {
        this.executionService = executionService;
        this.identity = identity;
        this.currentRequest = currentRequest;
        this.maxAge = config.httpCache().maxAge();
        this.readsRequireRole = config.security().readsRequireRole();
        // SmallRye's HTTP handler runs fetchers blocking only when non-blocking execution is switched off.
        this.runBlocking = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-graphql.nonblocking.enabled", Boolean.class)
                .map(enabled -> !enabled).orElse(false);
    }

    /**
     * Runs the request and answers it; {@code contentType} is the negotiated media type, {@code get} whether it came
     * as a GET (cacheable) or a POST.
     */
    void execute(RoutingContext ctx, String query, String operationName, Map<String, Object> variables,
            String contentType, boolean get) {
        jakarta.json.JsonObject input = ExecutionInputJson.of(query, operationName, variables);
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            requestContext.activate();
            InjectableContext.ContextState activated = requestContext.getState();
            ctx.addEndHandler(ended -> requestContext.destroy(activated));
        }
        InjectableContext.ContextState state = requestContext.getState();
        try {
            if (identity.isResolvable()) {
                if (ctx.user() instanceof QuarkusHttpUser user) {
                    identity.get().setIdentity(user.getSecurityIdentity());
                } else {
                    identity.get().setIdentity(QuarkusHttpUser.getSecurityIdentity(ctx, null));
                }
            }
            currentRequest.setCurrent(ctx);
            Map<String, Object> context = new ConcurrentHashMap<>();
            context.put("runBlocking", runBlocking);
            // No "httpHeaders": SmallRye reads them only for federated tracing, in the instrumentation chain
            // DocumentGuards replaces (and federation is off).
            context.put("state", state);
            executionService.get().executeAsync(input, context, get ? new GetWriter(ctx, contentType) : new PostWriter(ctx, contentType));
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.deactivate();
        }
    }

    /** Cache-Control for a successful answer to this request. */
    String cacheControl(RoutingContext ctx) {
        boolean personal = readsRequireRole || ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        String age = maxAge.isZero() || maxAge.isNegative() ? "no-cache" : "max-age=" + maxAge.toSeconds();
        return (personal ? "private, " : "public, ") + age;
    }

    /** What both answers share: the exchange, the negotiated media type, a failure handed to Vert.x. */
    private abstract static class Answer implements ExecutionResponseWriter {
        final RoutingContext ctx;
        final String contentType;

        Answer(RoutingContext ctx, String contentType) {
            this.ctx = ctx;
            this.contentType = contentType;
        }

        @Override
        public final void write(ExecutionResponse response) {
            HttpServerResponse http = ctx.response();
            if (!http.ended() && !http.headWritten()) { // else answered already (the request's deadline)
                write(response, http);
            }
        }

        abstract void write(ExecutionResponse response, HttpServerResponse http);

        @Override
        public void fail(Throwable failure) {
            ctx.fail(failure);
        }
    }

    /** A GET's answer: cacheable, with an ETag. */
    private final class GetWriter extends Answer {

        GetWriter(RoutingContext ctx, String contentType) {
            super(ctx, contentType);
        }

        @Override
        void write(ExecutionResponse response, HttpServerResponse http) {
            byte[] body = ResultJson.of(response).getBytes(StandardCharsets.UTF_8);
            http.putHeader(HttpHeaders.CONTENT_TYPE, contentType + "; charset=utf-8")
                    .putHeader(HttpHeaders.VARY, "Accept, Authorization");
            if (!response.getExecutionResult().getErrors().isEmpty()) {
                http.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                http.setStatusCode(200).end(Buffer.buffer(body));
                return;
            }
            String etag = EntityTags.of(body);
            http.putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.CACHE_CONTROL, cacheControl(ctx));
            if (EntityTags.matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
                http.setStatusCode(304).end();
            } else {
                http.setStatusCode(200).end(Buffer.buffer(body));
            }
        }
    }

    /**
     * A POST's answer, as SmallRye's handler writes it: the negotiated media type as Content-Type, 200 (the filter
     * turns it into 400 where GraphQL over HTTP says so), and an execution aborted without data is a 500 with no
     * body, logged.
     */
    private static final class PostWriter extends Answer {

        PostWriter(RoutingContext ctx, String contentType) {
            super(ctx, contentType);
        }

        @Override
        void write(ExecutionResponse response, HttpServerResponse http) {
            ExecutionResult result = response.getExecutionResult();
            if (!result.isDataPresent()) {
                List<GraphQLError> aborted = result.getErrors().stream()
                        .filter(error -> ErrorType.ExecutionAborted.equals(error.getErrorType())).toList();
                if (!aborted.isEmpty()) {
                    aborted.forEach(error -> LOG.error("Execution aborted: " + error.getMessage()));
                    http.setStatusCode(500).end();
                    return;
                }
            }
            http.putHeader(HttpHeaders.CONTENT_TYPE, contentType).setStatusCode(200)
                    .end(Buffer.buffer(ResultJson.of(response)));
        }
    }
}
