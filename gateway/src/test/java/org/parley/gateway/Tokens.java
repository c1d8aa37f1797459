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

    /** Signed with the dev key, but expired an hour ago. */
    public static String expired(String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer("parley").audience("parley").upn("test-user@parley").groups(Set.of(roles))
                .issuedAt(now - 7200).expiresAt(now - 3600).sign(DEV_PRIVATE_KEY);
    }

    /** Signed with the dev key and valid, but for another audience. */
    public static String forAudience(String audience, String... roles) {
        return Jwt.issuer("parley").audience(audience).upn("test-user@parley").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(5)).sign(DEV_PRIVATE_KEY);
    }

    /** A token with this subject (upn), to tell callers apart. */
    public static String forUser(String upn, String... roles) {
        return Jwt.issuer("parley").audience("parley").upn(upn).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(5)).sign(DEV_PRIVATE_KEY);
    }

    public static String withRoles(String... roles) {
        return Jwt.issuer("parley").audience("parley").upn("test-user@parley").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(5)).sign(DEV_PRIVATE_KEY);
    }
}
