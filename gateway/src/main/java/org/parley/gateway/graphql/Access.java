package org.parley.gateway.graphql;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.gateway.config.GatewayConfig;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Role checks for the root operations. Done here rather than with @RolesAllowed so a missing or bad
 * token is a GraphQL error with extensions.code (UNAUTHENTICATED / FORBIDDEN), not an HTTP 401 before
 * GraphQL runs, and so reads can be opened or closed by configuration.
 */
@ApplicationScoped
public class Access {

    public static final String EDITOR = "editor";
    public static final String READER = "reader";

    private final CurrentIdentityAssociation identities;
    private final boolean readsRequireRole;

    public Access(CurrentIdentityAssociation identities, GatewayConfig config) {
        this.identities = identities;
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
        // Authentication is lazy (quarkus.http.auth.proactive=false): the token is verified here, on first use.
        return identities.getDeferredIdentity()
                .onFailure().transform(e -> GatewayError.of(GatewayError.UNAUTHENTICATED,
                        "The bearer token is invalid or expired"))
                .map(identity -> check(identity, roles));
    }

    private static Void check(SecurityIdentity identity, String... roles) {
        if (identity == null || identity.isAnonymous()) {
            throw GatewayError.of(GatewayError.UNAUTHENTICATED,
                    "This operation needs a bearer token with role " + roles[0]);
        }
        if (Arrays.stream(roles).noneMatch(identity::hasRole)) {
            throw GatewayError.of(GatewayError.FORBIDDEN, "This operation needs role " + roles[0]);
        }
        return null;
    }
}
