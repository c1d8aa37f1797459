package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.gateway.NodeScript;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * graphql-http's GraphQL-over-HTTP server audit (src/test/node, installed by the build with npm ci)
 * against the running gateway: every audit passes, MUSTs and SHOULDs alike — 0 warnings, 0 errors.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class GraphQLOverHttpAuditTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void passesEveryAuditWithoutAWarning() throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(Path.of("src/test/node/node_modules/graphql-http")),
                "graphql-http is not installed: the build runs npm ci in src/test/node (process-test-resources)");
        NodeScript.Run audit = NodeScript.run(Duration.ofSeconds(120), "audit.mjs", NodeScript.url(graphql));
        List<String> lines = audit.lines();
        assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("error")).toList(),
                "MUST audits failed:\n" + audit.output());
        assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("warn")).toList(),
                "SHOULD audits failed:\n" + audit.output());
        assertEquals(0, audit.exitCode(), audit.output());
        // every audit ran and passed: a summary of only "ok"s, not an empty run
        String summary = lines.stream().filter(l -> l.startsWith("SUMMARY ")).findFirst().orElseThrow(
                () -> new AssertionError("no SUMMARY line:\n" + audit.output()));
        assertTrue(summary.matches("SUMMARY \\{\"ok\":[1-9][0-9]*,\"warn\":0,\"error\":0\\}"), audit.output());
    }
}
