package org.parley.common.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * What a packaged app (the jar, or a native executable where GraalVM exists) needs to start under a
 * {@code @QuarkusIntegrationTest}: it refuses the committed dev key (DevKeyGuard), so a key pair made for this
 * run whose public half it trusts ({@link #token} signs with the private half); and, with the init argument
 * {@code database} (actors, events), the service's test database, {@code <database>_test$PARLEY_TEST_DB_SUFFIX},
 * which bin/db-ensure creates and whose schema the app migrates itself at start.
 */
public class PackagedApp implements QuarkusTestResourceLifecycleManager {

    private static final KeyPair KEYS = keyPair();

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
        if (database != null) {
            String host = env("PARLEY_DB_HOST", "127.0.0.1") + ":" + env("PARLEY_DB_PORT", "5432");
            String name = database + "_test" + env("PARLEY_TEST_DB_SUFFIX", "");
            config.put("quarkus.datasource.reactive.url", "postgresql://" + host + "/" + name);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + "/" + name);
        }
        return config;
    }

    @Override
    public void stop() {
    }

    /** A bearer token the packaged app accepts, with these roles. */
    public static String token(String... roles) {
        return Jwt.issuer("parley").audience("parley").upn("integration-test@parley").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10)).sign(KEYS.getPrivate());
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
