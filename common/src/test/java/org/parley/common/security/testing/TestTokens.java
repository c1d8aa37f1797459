package org.parley.common.security.testing;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for the services' tests, signed with the THROWAWAY dev key pair (gateway/dev-only-jwt),
 * which the services' %test profile trusts. Issuer and audience are the services' defaults.
 */
public final class TestTokens {

    /** Relative to a service module, where its tests run. */
    public static final String DEV_PRIVATE_KEY = "../gateway/dev-only-jwt/privateKey.pem";

    private TestTokens() {
    }

    public static String withRoles(String... roles) {
        return Jwt.issuer("parley").audience("parley").upn("test@parley").groups(Set.of(roles))
                .expiresIn(Duration.ofHours(3)).sign(DEV_PRIVATE_KEY);
    }

    public static String bearer(String... roles) {
        return "Bearer " + withRoles(roles);
    }
}
