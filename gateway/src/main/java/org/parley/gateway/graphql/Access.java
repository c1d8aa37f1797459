package org.parley.gateway.graphql;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.parley.gateway.config.GatewayConfig;

import graphql.ExecutionInput;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Role checks for the root operations. The bearer token is verified here (SmallRye JWT's parser, with
 * the mp.jwt.verify.* settings) rather than by Quarkus' HTTP authentication, because that answers a bad
 * token with a bare HTTP 401 before GraphQL runs: here it becomes a GraphQL error with
 * extensions.code UNAUTHENTICATED / FORBIDDEN, and reads can be opened or closed by configuration.
 */
@ApplicationScoped
public class Access {

    public static final String EDITOR = "editor";
    public static final String READER = "reader";

    /** Where SmallRye's graphql-transport-ws / graphql-ws handlers put the connection_init payload. */
    private static final String INIT_PAYLOAD = "init-payload";

    private final JWTParser parser;
    private final CurrentVertxRequest request;
    private final boolean readsRequireRole;

    public Access(JWTParser parser, CurrentVertxRequest request, GatewayConfig config) {
        this.parser = parser;
        this.request = request;
        this.readsRequireRole = config.security().readsRequireRole();
    }

    public Uni<Void> requireEditor() {
        return require(EDITOR);
    }

    /** Queries and subscriptions: open unless parley.gateway.security.reads-require-role=true. */
    public Uni<Void> requireReader() {
        if (!readsRequireRole) {
            return Uni.createFrom().voidItem();
        }
        return require(READER, EDITOR);
    }

    private Uni<Void> require(String... roles) {
        // Read the header now, while the request is current; verification itself is CPU only.
        String header = authorizationHeader();
        return Uni.createFrom().item(() -> {
            check(groupsOf(header), roles);
            return null;
        });
    }

    private String authorizationHeader() {
        String header = null;
        try {
            RoutingContext current = request.getCurrent();
            header = current == null ? null : current.request().getHeader("Authorization");
        } catch (ContextNotActiveException noHttpRequest) {
            // A WebSocket message has no current HTTP request.
        }
        // Browsers cannot set headers on a WebSocket: graphql-transport-ws clients send the token in the
        // connection_init payload ({"Authorization": "Bearer …"}) instead. Without either, anonymous.
        return header != null ? header : initPayloadAuthorization();
    }

    /** The Authorization entry of the WebSocket's connection_init payload, which SmallRye keeps per operation. */
    private static String initPayloadAuthorization() {
        try {
            SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
            ExecutionInput input = context == null ? null : context.getExecutionInput();
            Object payload = input == null ? null : input.getGraphQLContext().get(INIT_PAYLOAD);
            if (!(payload instanceof Map<?, ?> entries)) {
                return null;
            }
            Object value = entries.get("Authorization");
            if (value == null) {
                value = entries.get("authorization");
            }
            if (value instanceof JsonString text) {
                return text.getString();
            }
            return value instanceof String text ? text : null;
        } catch (RuntimeException noOperationContext) {
            return null;
        }
    }

    private Set<String> groupsOf(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw GatewayError.of(GatewayError.UNAUTHENTICATED, "Only bearer tokens are accepted");
        }
        try {
            JsonWebToken token = parser.parse(header.substring(7).trim());
            return token.getGroups() == null ? Set.of() : token.getGroups();
        } catch (ParseException | RuntimeException e) {
            throw GatewayError.of(GatewayError.UNAUTHENTICATED, "The bearer token is invalid or expired");
        }
    }

    private static void check(Set<String> groups, String... roles) {
        if (groups == null) {
            throw GatewayError.of(GatewayError.UNAUTHENTICATED,
                    "This operation needs a bearer token with role " + roles[0]);
        }
        if (Arrays.stream(roles).noneMatch(groups::contains)) {
            throw GatewayError.of(GatewayError.FORBIDDEN, "This operation needs role " + roles[0]);
        }
    }
}
