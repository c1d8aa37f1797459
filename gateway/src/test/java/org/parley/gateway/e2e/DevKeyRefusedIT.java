package org.parley.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A packaged application never trusts the committed dev key pair, whatever profile it is started with:
 * org.parley.security.DevKeyGuard stops it at start-up (the gateway directly, the services through common).
 */
class DevKeyRefusedIT {

    private static final Path ROOT = Path.of(System.getProperty("parley.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void startedInDevProfileFromItsModuleFolderItRefusesToRun() throws Exception {
        // %dev.mp.jwt.verify.publickey.location=dev-only-jwt/publicKey.pem resolves against the working folder.
        assertRefused("gateway", "dev-profile", Map.of("QUARKUS_PROFILE", "dev"));
    }

    @Test
    void actorsServiceGivenTheDevKeyRefusesToRun() throws Exception {
        // No migration at start: the guard must stop it before it touches any database.
        assertRefused("actors-service", "prod-dev-key", Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                "MP_JWT_VERIFY_PUBLICKEY", Files.readString(ROOT.resolve("gateway/dev-only-jwt/publicKey.pem"))));
    }

    @Test
    void givenTheDevKeyInProdItRefusesToRun() throws Exception {
        assertRefused("gateway", "prod-dev-key", Map.of("MP_JWT_VERIFY_PUBLICKEY",
                Files.readString(ROOT.resolve("gateway/dev-only-jwt/publicKey.pem"))));
    }

    private static void assertRefused(String module, String name, Map<String, String> env) throws Exception {
        Path jar = ROOT.resolve(module + "/target/quarkus-app/quarkus-run.jar");
        Path log = ROOT.resolve("gateway/target/e2e-logs/dev-key-" + module + "-" + name + ".log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                .directory(ROOT.resolve(module).toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(E2eServices.freePort()));
        Process app = builder.start();
        try {
            assertTrue(app.waitFor(90, TimeUnit.SECONDS), module + " kept running with the dev key");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertNotEquals(0, app.exitValue(), output);
            assertTrue(output.contains("committed dev key"), output);
        } finally {
            app.destroyForcibly();
        }
    }
}
