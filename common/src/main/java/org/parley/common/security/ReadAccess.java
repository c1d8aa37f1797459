package org.parley.common.security;

import io.quarkus.security.ForbiddenException;
import org.parley.security.Roles;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Closes reads when {@code parley.security.reads-require-role=true}: one filter for every GET/HEAD of the
 * API (health, metrics and OpenAPI under /q are not JAX-RS resources and stay open), so a new read endpoint
 * cannot be forgotten. Its 401/403 are problem+json through ProblemMappers.
 */
public class ReadAccess {

    private final boolean readsRequireRole;
    private final CurrentIdentityAssociation identity;

    public ReadAccess(SecurityConfig config, CurrentIdentityAssociation identity) {
        this.readsRequireRole = config.readsRequireRole();
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> requireReader(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!readsRequireRole || !("GET".equals(method) || "HEAD".equals(method))) {
            return Uni.createFrom().voidItem();
        }
        // The services authenticate lazily (quarkus.http.auth.proactive=false): the token is verified here.
        return identity.getDeferredIdentity().invoke(ReadAccess::check).replaceWithVoid();
    }

    static void check(SecurityIdentity caller) {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!(caller.hasRole(Roles.READER) || caller.hasRole(Roles.EDITOR) || caller.hasRole(Roles.IMPORTER))) {
            throw new ForbiddenException();
        }
    }
}
