package org.parley.gateway;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the throwaway dev/test key (gateway/dev-only-jwt). */
public final class Tokens {

    private Tokens() {
    }

    public static String withRoles(String... roles) {
        return Jwt.issuer("parley").upn("test-user@parley").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(5)).sign();
    }
}
