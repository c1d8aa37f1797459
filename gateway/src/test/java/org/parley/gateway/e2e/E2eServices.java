package org.parley.gateway.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.smallrye.jwt.build.Jwt;

/**
 * JUnit 5 extension for end-to-end tests: starts the three real services from their built jars on free
 * ports — actors-service and events-service on the PostgreSQL databases {@code actors_e2e} /
 * {@code events_e2e} (Flyway cleans and migrates them at start), then the gateway (prod profile) pointed
 * at them — waits for {@code /q/health/ready} with a deadline, and stops all three when the test run
 * ends (also when a test or the start-up fails). Started once per test run, shared by every
 * {@code @ExtendWith(E2eServices.class)} class.
 *
 * <p>
 * Jars: {@code <repo>/actors-service/target/quarkus-app/quarkus-run.jar}, the same for events-service and
 * the gateway (the reactor builds them before the gateway's integration-test phase). The services' logs
 * go to {@code gateway/target/e2e-logs/}. The seed article (Flyway placeholder {@code seed}) is always
 * loaded into both databases: the services start once per run for every IT, {@code ArticleSeedIT} needs
 * it, and the other ITs create run-unique data beside it. Database host/user come from
 * {@code PARLEY_DB_HOST}, {@code PARLEY_DB_PORT}, {@code PARLEY_DB_USER}, {@code PARLEY_DB_PASSWORD}.
 * All three export their traces (OTLP/HTTP, the standard {@code OTEL_EXPORTER_OTLP_*} variables) to one
 * in-process {@link OtlpReceiver}, {@link #traces()}, started before them.
 */
public final class E2eServices implements BeforeAllCallback {

    /**
     * Generous by default: on shared 2 cores (load 20 while other builds ran) a service once took 124 s to start;
     * -Dparley.e2e.ready-seconds changes it.
     */
    private static final Duration READY_DEADLINE = Duration.ofSeconds(Long.getLong("parley.e2e.ready-seconds", 240));

    /** The running services; null until the first test class started them. */
    private static volatile Running running;

    /**
     * Base URLs (http://127.0.0.1:port) and the private half of the key pair made for this run, which all
     * three services trust (packaged jars refuse the committed dev key: org.parley.security.DevKeyGuard).
     */
    public record Running(String actorsUrl, String eventsUrl, String gatewayUrl, Path signingKey)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        /** A bearer token (without "Bearer ") with these roles, valid for this run's services. */
        public String token(String... roles) {
            return Jwt.issuer("parley").audience("parley").upn("e2e@parley").groups(Set.of(roles))
                    .expiresIn(Duration.ofHours(1)).sign(signingKey.toString());
        }

        @Override
        public void close() {
            stopAll();
        }
    }

    private static final List<Process> PROCESSES = new ArrayList<>();
    /** Where the three services export their spans; null until started. */
    private static volatile OtlpReceiver traces;
    /** Each service's process, jar and environment by name, for {@link #restartEventsService}. */
    private static final Map<String, Launched> LAUNCHED = new LinkedHashMap<>();

    private record Launched(Process process, Path jar, Path logs, Map<String, String> env) {
    }

    /** The spans the three services exported so far. */
    public static OtlpReceiver traces() {
        if (traces == null) {
            throw new IllegalStateException("E2eServices has not started the services (missing @ExtendWith?)");
        }
        return traces;
    }

    public static Running services() {
        if (running == null) {
            throw new IllegalStateException("E2eServices has not started the services (missing @ExtendWith?)");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (E2eServices.class) {
            if (running != null) {
                return;
            }
            Path root = Path.of(System.getProperty("parley.repo.root", "..")).toAbsolutePath().normalize();
            Path logs = root.resolve("gateway/target/e2e-logs");
            Files.createDirectories(logs);
            // Registered first, so the processes are stopped even if starting one of them fails below.
            Runtime.getRuntime().addShutdownHook(new Thread(E2eServices::stopAll));
            try {
                int actorsPort = freePort();
                int eventsPort = freePort();
                int gatewayPort = freePort();
                String actorsUrl = "http://127.0.0.1:" + actorsPort;
                String eventsUrl = "http://127.0.0.1:" + eventsPort;
                String gatewayUrl = "http://127.0.0.1:" + gatewayPort;
                traces = new OtlpReceiver();

                Path keys = RunKeys.generate(root.resolve("gateway/target/e2e-keys"));
                String publicKey = keys.resolve(RunKeys.PUBLIC).toUri().toString();
                // -Dparley.e2e.actors-db / -Dparley.e2e.events-db (or PARLEY_TEST_DB_SUFFIX, as for the
                // services' own tests) let parallel work use other databases.
                start("actors-service", jar(root, "actors-service"), logs,
                        service(actorsPort, actorsDb(), publicKey));
                start("events-service", jar(root, "events-service"), logs,
                        service(eventsPort, eventsDb(), publicKey));
                Map<String, String> gateway = tracing();
                gateway.put("QUARKUS_HTTP_PORT", String.valueOf(gatewayPort));
                gateway.put("QUARKUS_REST_CLIENT_ACTORS_URL", actorsUrl);
                gateway.put("QUARKUS_REST_CLIENT_EVENTS_URL", eventsUrl);
                // Packaged jars read their public key from the environment: this run's pair.
                gateway.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey);
                start("gateway", jar(root, "gateway"), logs, gateway);

                awaitReady("actors-service", actorsUrl, logs);
                awaitReady("events-service", eventsUrl, logs);
                awaitReady("gateway", gatewayUrl, logs);
                running = new Running(actorsUrl, eventsUrl, gatewayUrl, keys.resolve(RunKeys.PRIVATE));
            } catch (Exception | AssertionError e) {
                stopAll();
                throw e;
            }
            // Closed when the root context closes, i.e. after the last test class of the run.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(E2eServices.class.getName(), running);
        }
    }

    /** The e2e database of actors-service ({@code actors_e2e} unless told otherwise). */
    public static String actorsDb() {
        return System.getProperty("parley.e2e.actors-db", "actors_e2e" + env("PARLEY_TEST_DB_SUFFIX", ""));
    }

    /** The e2e database of events-service ({@code events_e2e} unless told otherwise). */
    public static String eventsDb() {
        return System.getProperty("parley.e2e.events-db", "events_e2e" + env("PARLEY_TEST_DB_SUFFIX", ""));
    }

    /** JDBC URL of one of the e2e databases ({@code actors_e2e}, {@code events_e2e}), for tests that check rows. */
    public static String jdbcUrl(String database) {
        return "jdbc:" + postgresUrl(database);
    }

    public static String dbUser() {
        return env("PARLEY_DB_USER", "parley");
    }

    public static String dbPassword() {
        return env("PARLEY_DB_PASSWORD", "parley");
    }

    private static String postgresUrl(String database) {
        return "postgresql://" + env("PARLEY_DB_HOST", "127.0.0.1") + ":" + env("PARLEY_DB_PORT", "5432") + "/" + database;
    }

    /** The standard OpenTelemetry variables, as a deployment sets them, pointing at {@link #traces}. */
    private static Map<String, String> tracing() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
        env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        // Spans are exported in batches every 5 s by default; the tests wait for them.
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        return env;
    }

    private static Map<String, String> service(int port, String database, String publicKey) {
        Map<String, String> env = tracing();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgresUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database));
        // Every run starts from empty, freshly migrated databases.
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_FLYWAY_PLACEHOLDERS_SEED", "true");
        return env;
    }

    private static Path jar(Path root, String module) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the module first (./mvnw package)");
        }
        return jar;
    }

    private static void start(String name, Path jar, Path logs, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        synchronized (PROCESSES) {
            Process process = builder.start();
            PROCESSES.add(process);
            LAUNCHED.put(name, new Launched(process, jar, logs, env));
        }
    }

    /** The current log file of a service started by this harness ("gateway", "actors-service", "events-service"). */
    public static Path log(String service) {
        synchronized (PROCESSES) {
            Launched launched = LAUNCHED.get(service);
            if (launched == null) {
                throw new IllegalStateException(service + " was not started by E2eServices");
            }
            return launched.logs().resolve(service + ".log");
        }
    }

    /**
     * Stops events-service (SIGTERM, as a rolling restart does) and starts it again on the same port
     * and database, keeping its data; {@code whileDown} runs in between. Returns once it is ready.
     */
    public static void restartEventsService(Runnable whileDown) throws Exception {
        Launched old;
        synchronized (PROCESSES) {
            old = LAUNCHED.get("events-service");
        }
        old.process().destroy();
        if (!old.process().waitFor(30, TimeUnit.SECONDS)) {
            old.process().destroyForcibly().waitFor();
        }
        synchronized (PROCESSES) {
            PROCESSES.remove(old.process());
        }
        whileDown.run();
        Map<String, String> env = new LinkedHashMap<>(old.env());
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "false"); // a restart, not a fresh database
        Path logs = old.logs().resolve("restarted");
        Files.createDirectories(logs);
        start("events-service", old.jar(), logs, env);
        awaitReady("events-service", services().eventsUrl(), logs);
    }

    private static void awaitReady(String name, String baseUrl, Path logs) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            synchronized (PROCESSES) {
                for (Process p : PROCESSES) {
                    if (!p.isAlive()) {
                        throw new AssertionError(name + ": a service process exited (" + p.exitValue() + ")\n"
                                + tail(logs.resolve(name + ".log")));
                    }
                }
            }
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not ready within " + READY_DEADLINE + ": " + last + "\n"
                + tail(logs.resolve(name + ".log")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void stopAll() {
        synchronized (PROCESSES) {
            for (Process p : PROCESSES) {
                p.destroy(); // SIGTERM: Quarkus shuts down gracefully
            }
            for (Process p : PROCESSES) {
                try {
                    if (!p.waitFor(15, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            PROCESSES.clear();
            LAUNCHED.clear();
        }
        running = null;
        if (traces != null) {
            traces.close();
            traces = null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
