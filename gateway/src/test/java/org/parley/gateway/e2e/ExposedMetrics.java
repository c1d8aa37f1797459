package org.parley.gateway.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@value #FILE}: the metric names k8s/'s dashboard and alert rules use, by service ("gateway metric_name"). */
final class ExposedMetrics {

    static final String FILE = "k8s/observability/exposed-metrics.txt";

    private ExposedMetrics() {
    }

    static Map<String, Set<String>> read() throws IOException {
        Path root = Path.of(System.getProperty("parley.repo.root", "..")).toAbsolutePath().normalize();
        Map<String, Set<String>> byService = new TreeMap<>();
        for (String line : Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException(FILE + ": not \"<service> <metric>\": " + line);
            }
            byService.computeIfAbsent(parts[0], s -> new TreeSet<>()).add(parts[1]);
        }
        return byService;
    }
}
