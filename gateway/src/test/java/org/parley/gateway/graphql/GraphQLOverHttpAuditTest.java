package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * graphql-http's GraphQL-over-HTTP server audit (src/test/node, installed by the build with npm ci)
 * against the running gateway: every MUST passes, and so do the status-code SHOULDs for
 * application/graphql-response+json (400 for parse, validation and variable errors).
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class GraphQLOverHttpAuditTest {

    /** SHOULDs we made pass on purpose; a regression in any of them fails the build. */
    private static final List<String> REQUIRED_SHOULDS = List.of("22EB", "47DE", "80D8", "865D", "556A", "D586",
            "51FE", "74FF", "5E5B", "86EE", "572B", "FDE2", "7B9B");

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void passesEveryMustAndTheStatusCodeShoulds() throws IOException, InterruptedException {
        Path dir = Path.of("src/test/node");
        assertTrue(Files.isDirectory(dir.resolve("node_modules/graphql-http")),
                "graphql-http is not installed: the build runs npm ci in src/test/node (process-test-resources)");
        Path log = Files.createTempFile("graphql-http-audit", ".log");
        Process node = new ProcessBuilder("node", "audit.mjs", graphql.toString().replace("localhost", "127.0.0.1"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("the audit did not finish within 120 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();
        List<String> mustFailures = lines.stream().filter(l -> l.startsWith("error")).toList();
        assertEquals(List.of(), mustFailures, "MUST audits failed:\n" + output);
        List<String> shouldFailures = lines.stream().filter(l -> l.startsWith("warn"))
                .filter(l -> REQUIRED_SHOULDS.stream().anyMatch(id -> l.contains(" " + id + " "))).toList();
        assertEquals(List.of(), shouldFailures, "status-code SHOULD audits failed:\n" + output);
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("SUMMARY"), output);
    }
}
