package org.parley.gateway.graphql;

import java.util.function.Supplier;

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

    /**
     * {@code read} behind {@link #requireReader()}: where reads are open (the default) {@code read} itself, so no
     * identity is asked for and no Mutiny operator is spent on a check that always passes.
     */
    public <T> Supplier<Uni<T>> asReader(Supplier<Uni<T>> read) {
        return readsRequireRole ? () -> requireReader().chain(read::get) : read;
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
