package org.parley.gateway.graphql;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The interceptor of {@link RoleErrors}: Quarkus' security refusals as UNAUTHENTICATED / FORBIDDEN errors. */
@RoleErrors
@Interceptor
// Quarkus' security interceptors (@RolesAllowed and friends) run at PLATFORM_BEFORE + 150: a lower priority
// wraps them, so their refusal reaches this interceptor.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RoleErrorsInterceptor {

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        String role = roleOf(invocation);
        Object result = invocation.proceed();
        if (result instanceof Uni<?> uni) {
            return uni.onFailure().transform(e -> translated(e, role));
        }
        if (result instanceof Multi<?> multi) {
            return multi.onFailure().transform(e -> translated(e, role));
        }
        return result;
    }

    static Throwable translated(Throwable failure, String role) {
        if (failure instanceof UnauthorizedException) {
            return GatewayError.of(GatewayError.UNAUTHENTICATED, "This operation needs a bearer token with role " + role);
        }
        if (failure instanceof ForbiddenException) {
            return GatewayError.of(GatewayError.FORBIDDEN, "This operation needs role " + role);
        }
        return failure;
    }

    /** The roles of the operation's @RolesAllowed, an interceptor binding in Quarkus (no reflection needed). */
    private static String roleOf(InvocationContext invocation) {
        RolesAllowed roles = invocation.getInterceptorBinding(RolesAllowed.class);
        return roles == null || roles.value().length == 0 ? "?" : String.join(" or ", roles.value());
    }
}
