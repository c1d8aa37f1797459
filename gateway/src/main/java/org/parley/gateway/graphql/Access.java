package org.parley.gateway.graphql;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.gateway.config.GatewayConfig;
import org.parley.security.Roles;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Who may read. Tokens are verified by Quarkus (SmallRye JWT's HTTP mechanism; over the WebSocket the
 * connection_init payload's Authorization, quarkus.smallrye-graphql.authorization-client-init-payload-name);
 * mutations declare their role with @RolesAllowed (see {@link RoleErrors}). Reads cannot: whether they need
 * a role at all is configuration (parley.gateway.security.reads-require-role), checked here against the
 * caller's {@link SecurityIdentity}.
 */
@ApplicationScoped
public class Access {

    private final CurrentIdentityAssociation identity;
    private final boolean readsRequireRole;

    public Access(CurrentIdentityAssociation identity, GatewayConfig config) {
        this.identity = identity;
        this.readsRequireRole = config.security().readsRequireRole();
    }

    /** Whether reads need a role at all (parley.gateway.security.reads-require-role); false by default. */
    public boolean readsRequireRole() {
        return readsRequireRole;
    }

    /** Queries and subscriptions: open unless parley.gateway.security.reads-require-role=true. */
    public Uni<Void> requireReader() {
        if (!readsRequireRole) {
            return Uni.createFrom().voidItem();
        }
        // Taken now, while the operation's identity (HTTP request or WebSocket connection) is current.
        return identity.getDeferredIdentity().invoke(Access::checkReader).replaceWithVoid();
    }

    private static void checkReader(SecurityIdentity caller) {
        if (caller.isAnonymous()) {
            throw GatewayError.of(GatewayError.UNAUTHENTICATED, "This operation needs a bearer token with role " + Roles.READER);
        }
        if (!(caller.hasRole(Roles.READER) || caller.hasRole(Roles.EDITOR))) {
            throw GatewayError.of(GatewayError.FORBIDDEN, "This operation needs role " + Roles.READER);
        }
    }
}
