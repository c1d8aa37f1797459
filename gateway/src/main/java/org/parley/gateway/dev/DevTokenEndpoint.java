package org.parley.gateway.dev;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.vertx.ext.web.Router;

/**
 * DEV MODE ONLY: {@code GET /dev/token?roles=editor} answers a bearer token signed with the throwaway key
 * pair in gateway/dev-only-jwt, which the services' dev mode trusts too (roles: editor, importer, reader). The bean exists only in builds of the "dev" profile
 * ({@code quarkus:dev}); a packaged (prod) gateway has no such route, and its public key comes from the
 * environment, so these tokens would not verify there anyway.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTokenEndpoint {

    private final String issuer;
    private final String audience;

    public DevTokenEndpoint(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.issuer = issuer;
        this.audience = audience;
    }

    void install(@Observes Router router) {
        router.get("/dev/token").handler(ctx -> {
            String roles = ctx.request().getParam("roles");
            Set<String> groups = Arrays.stream((roles == null || roles.isBlank() ? "editor" : roles).split(","))
                    .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
            String token = Jwt.issuer(issuer).audience(audience).upn("dev@parley.local").groups(groups)
                    .expiresIn(Duration.ofHours(8)).sign();
            ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(token + "\n");
        });
    }
}
