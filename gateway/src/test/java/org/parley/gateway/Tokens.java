package org.parley.gateway;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the throwaway dev/test key (gateway/dev-only-jwt). */
public final class Tokens {

    private Tokens() {
    }

    /** Signed explicitly with the dev key file, so a profile that does not trust that key rejects it. */
    public static final String DEV_PRIVATE_KEY = "dev-only-jwt/privateKey.pem";

    public static String withRoles(String... roles) {
        return Jwt.issuer("parley").upn("test-user@parley").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(5)).sign(DEV_PRIVATE_KEY);
    }
}
