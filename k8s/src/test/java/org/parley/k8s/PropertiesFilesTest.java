package org.parley.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every module's application.properties sets each key once: a repeated key silently loses its first value. */
class PropertiesFilesTest {

    @Test
    void noApplicationPropertiesFileSetsAKeyTwice() throws IOException {
        List<Path> files = applicationPropertiesFiles(Path.of(".."));
        assertTrue(files.stream().anyMatch(f -> f.endsWith(Path.of("gateway/src/main/resources/application.properties"))),
                "the scan must find the gateway's properties: " + files);
        Map<Path, Set<String>> duplicated = new LinkedHashMap<>();
        for (Path file : files) {
            Set<String> keys = AppConfig.duplicatedKeys(file);
            if (!keys.isEmpty()) {
                duplicated.put(file.normalize(), keys);
            }
        }
        assertEquals(Map.of(), duplicated, "keys set more than once (merge the values into one key)");
    }

    @Test
    void findsARepeatedKeyAlsoWithAProfilePrefixButNotTheSameKeyInTwoProfiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, """
                quarkus.native.resources.includes=a.txt
                %test.quarkus.http.port=0
                %dev.quarkus.http.port=8080
                quarkus.http.port=8080
                %test.quarkus.http.port : 1
                quarkus.native.resources.includes=b.txt
                """);
        assertEquals(Set.of("quarkus.native.resources.includes", "%test.quarkus.http.port"), AppConfig.duplicatedKeys(file));
        Files.writeString(file, "a=1\n%test.a=2\n");
        assertFalse(AppConfig.duplicatedKeys(file).contains("a"));
    }

    /** Each module's main and test resources (not build output or dependencies). */
    private static List<Path> applicationPropertiesFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root, 5)) {
            return paths.filter(p -> p.getFileName().toString().equals("application.properties"))
                    .filter(p -> {
                        String path = root.relativize(p).toString().replace('\\', '/');
                        return path.matches("[^/]+/src/(main|test)/resources/application\\.properties")
                                && !path.contains("/target/") && !path.contains("node_modules");
                    })
                    .sorted()
                    .toList();
        }
    }
}
