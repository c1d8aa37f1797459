package org.parley.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


/**
 * The web app in Debian's headless Chromium against the three real services with the seed article: runs
 * {@code web/e2e/webapp.test.mjs} (node's test runner, playwright-core, axe-core; installed by the build's
 * {@code npm ci}) against the gateway E2eServices started, and requires every one of its tests to pass.
 * Screenshots of every view: {@code gateway/target/web-screenshots/}; the browser run's output:
 * {@code gateway/target/e2e-logs/web-e2e.log}.
 */
@ExtendWith(E2eServices.class)
class WebAppIT {

    /** The browser tests that must have run (and passed): what issue 12 asks the page to prove. */
    private static final List<String> REQUIRED = List.of(
            "Putin's demand lists Crimea, Luhansk and Donetsk",
            "the filter lives in a URL that restores it",
            "Russia and the United States have their points",
            "Witkoff's relationships include Trump",
            "Bishkek is on it",
            "an event recorded through GraphQL appears within 2 s",
            "a bad input shows its field error");
    private static final Set<String> VIEWS = Set.of("events", "dyad", "actor", "map", "live", "record");

    @Test
    void theWebAppShowsTheArticleInARealBrowserAccessibly() throws Exception {
        Path root = Path.of(System.getProperty("parley.repo.root", "..")).toAbsolutePath().normalize();
        Path e2e = root.resolve("web/e2e");
        assertTrue(Files.isDirectory(e2e.resolve("node_modules/playwright-core")),
                "web/e2e is not installed: the gateway's build runs npm ci there (pre-integration-test)");
        Path shots = root.resolve("gateway/target/web-screenshots");
        Path log = root.resolve("gateway/target/e2e-logs/web-e2e.log");
        Files.createDirectories(log.getParent());

        ProcessBuilder builder = new ProcessBuilder("node", "--test-reporter=tap", "webapp.test.mjs")
                .directory(e2e.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PARLEY_GATEWAY_URL", E2eServices.services().gatewayUrl());
        builder.environment().put("PARLEY_EDITOR_TOKEN", editorToken());
        builder.environment().put("PARLEY_SCREENSHOTS", shots.toString());
        Process node = builder.start();
        if (!node.waitFor(10, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail("the browser tests did not finish within 10 minutes\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);

        assertEquals(0, count(output, "fail"), "browser tests failed:\n" + output);
        assertEquals(0, count(output, "skipped") + count(output, "todo"), "browser tests skipped:\n" + output);
        assertEquals(0, node.exitValue(), output);
        int passed = count(output, "pass");
        assertTrue(passed >= REQUIRED.size(), "only " + passed + " browser tests passed:\n" + output);
        for (String behaviour : REQUIRED) {
            assertTrue(output.lines().anyMatch(l -> l.startsWith("ok ") && l.contains(behaviour) && !l.contains("# SKIP")),
                    "no passing browser test for: " + behaviour + "\n" + output);
        }
        for (String view : VIEWS) {
            Path shot = shots.resolve(view + ".png");
            assertTrue(Files.isRegularFile(shot) && Files.size(shot) > 1_000, "no screenshot of " + view + ": " + shot);
        }
    }

    /** TAP's summary lines: "# pass 8", "# fail 0". */
    private static int count(String tap, String what) {
        Matcher m = Pattern.compile("^# " + what + " (\\d+)$", Pattern.MULTILINE).matcher(tap);
        if (!m.find()) {
            throw new AssertionError("no '# " + what + "' line in the browser tests' output:\n" + tap);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String editorToken() {
        return E2eServices.services().token("editor");
    }
}
