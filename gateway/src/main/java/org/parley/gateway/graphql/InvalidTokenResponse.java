package org.parley.gateway.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A request whose bearer token does not verify (bad signature, expired, wrong issuer or audience, not a JWT)
 * is refused before GraphQL runs, as an HTTP 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}
 * (RFC 6750) and a GraphQL-shaped body whose error has {@code extensions.code} UNAUTHENTICATED — what Apollo
 * Server recommends for a context that cannot authenticate: the client learns its credentials are bad (to
 * refresh them) instead of silently getting an anonymous answer. No token at all is anonymous: queries
 * answer, mutations get a field error UNAUTHENTICATED. Quarkus authenticates proactively in the gateway, so
 * the failure arrives here as the route's failure.
 */
@ApplicationScoped
public class InvalidTokenResponse {

    static final String MESSAGE = "The bearer token is invalid or expired";

    void install(@Observes Router router) {
        router.route().failureHandler(ctx -> {
            if (!(ctx.failure() instanceof AuthenticationFailedException) || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            JsonObject error = new JsonObject().put("message", MESSAGE)
                    .put("extensions", new JsonObject().put("code", GatewayError.UNAUTHENTICATED));
            ctx.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
        });
    }
}
