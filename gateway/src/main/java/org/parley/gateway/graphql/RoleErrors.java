package org.parley.gateway.graphql;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Gives Quarkus' @RolesAllowed refusals the gateway's error codes. Quarkus' security interceptor fails a
 * Uni/Multi operation with UnauthorizedException (no identity) or ForbiddenException (wrong role), which
 * SmallRye GraphQL would show as "System error" with the code "unauthorized"; this interceptor, bound
 * outside it (a lower priority runs first: {@link RoleErrorsInterceptor}), turns them into UNAUTHENTICATED /
 * FORBIDDEN errors naming the role.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RoleErrors {
}
