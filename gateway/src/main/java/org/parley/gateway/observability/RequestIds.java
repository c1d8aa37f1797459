package org.parley.gateway.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code X-Request-Id} at the edge: a client's id is kept when it looks like an id (at most 128 of
 * {@code [A-Za-z0-9._:-]}), anything else is replaced by a new UUID. The id is echoed on the response,
 * logged (MDC key {@code requestId}: the JSON logs and the access log's {@code %{i,X-Request-Id}}), set on
 * the request's trace span ({@code http.request.header.x-request-id}) and forwarded to actors-service and
 * events-service on every backend call (their access logs print it), so one id finds a request in the
 * logs of all three.
 */
@ApplicationScoped
@Provider
public class RequestIds implements ClientRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        // Before every other route (the GraphQL filter runs at -1), so even a refused request has its id.
        router.route().order(-100).handler(this::assign);
    }

    private void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.request().headers().set(HEADER, id);
        ctx.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        ContextLocals.put(MDC_KEY, id);
        Span span = Span.current();
        if (span.isRecording()) {
            span.setAttribute("http.request.header.x-request-id", id);
        }
        ctx.next();
    }

    /** On the REST clients' requests: the id of the GraphQL request they serve, when there is one. */
    @Override
    public void filter(ClientRequestContext request) {
        if (VertxContext.isOnDuplicatedContext()) { // else: not on behalf of an HTTP request (e.g. start-up)
            ContextLocals.<String> get(MDC_KEY).ifPresent(id -> request.getHeaders().putSingle(HEADER, id));
        }
    }
}
