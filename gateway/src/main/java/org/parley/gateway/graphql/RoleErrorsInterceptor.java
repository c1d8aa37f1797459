package org.parley.gateway.graphql;

import java.lang.reflect.Method;
import java.util.Optional;

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
        String role = roleOf(invocation.getMethod());
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

    private static String roleOf(Method method) {
        RolesAllowed roles = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .orElseGet(() -> method.getDeclaringClass().getAnnotation(RolesAllowed.class));
        return roles == null || roles.value().length == 0 ? "?" : String.join(" or ", roles.value());
    }
}
