package org.parley.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.parley.gateway.e2e.E2eServices;

/**
 * The packaged importer ({@code importer/target/quarkus-app/quarkus-run.jar}, built before the
 * integration tests run) started as {@code bin/parley import} starts it, pointed at the services of
 * {@link E2eServices}.
 */
public final class ImporterJar {

    private ImporterJar() {
    }

    /** One finished run: exit status, standard output and error. */
    public record Run(int status, String out, String err) {

        public ImportSummary totals() {
            return ImportSummary.of(out);
        }
    }

    /** Starts the importer with {@code args}; its output (both streams) goes to {@code log}. */
    public static Process start(List<String> args, Path log) throws IOException {
        return builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs the importer to its end (at most 5 minutes). */
    public static Run run(Path tmp, List<String> args) {
        try {
            Path out = Files.createTempFile(tmp, "importer", ".out");
            Path err = Files.createTempFile(tmp, "importer", ".err");
            Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the importer did not finish within 5 minutes: " + args);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static ProcessBuilder builder(List<String> args) {
        Path root = Path.of(System.getProperty("parley.repo.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("importer/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the importer first (./mvnw package)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString()));
        command.addAll(args);
        command.addAll(List.of("--actors-url", E2eServices.services().actorsUrl(), "--events-url",
                E2eServices.services().eventsUrl()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // The services refuse the bulk endpoints without role importer; a --token among the args wins.
        builder.environment().put("PARLEY_TOKEN", E2eServices.services().token("importer"));
        return builder;
    }
}
