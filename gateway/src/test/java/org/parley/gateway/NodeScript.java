package org.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a node script of src/test/node (whose locked dependencies the build installs with npm ci) and returns what
 * it printed and its exit code.
 */
public final class NodeScript {

    public record Run(int exitCode, String output) {
        public List<String> lines() {
            return output.lines().toList();
        }
    }

    private static final Path DIR = Path.of("src/test/node");

    private NodeScript() {
    }

    public static Run run(Duration deadline, String script, String... arguments)
            throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(DIR.resolve("node_modules")),
                "src/test/node is not installed: the build runs npm ci there (process-test-resources)");
        Path log = Files.createTempFile("node-" + script, ".log");
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        Process node = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!node.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail(script + " did not finish within " + deadline.toSeconds() + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(node.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The URL as node should use it: 127.0.0.1, since localhost may resolve to ::1 first. */
    public static String url(Object url) {
        return url.toString().replace("localhost", "127.0.0.1");
    }
}
