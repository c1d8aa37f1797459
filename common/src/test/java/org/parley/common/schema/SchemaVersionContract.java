package org.parley.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A service's {@code parley.schema.required-version} is its newest migration: a new {@code V<n>__….sql} must raise it,
 * or a pod would serve on a database its Job has not migrated yet ({@link SchemaCheck}). A service's test extends this
 * (run from the module's folder, as Maven runs tests).
 */
public abstract class SchemaVersionContract {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void theRequiredSchemaVersionIsTheNewestMigration() throws IOException {
        List<Integer> versions;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            versions = files.map(f -> VERSIONED.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).sorted().toList();
        }
        assertFalse(versions.isEmpty(), "no versioned migrations in src/main/resources/db/migration");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        assertEquals(String.valueOf(versions.get(versions.size() - 1)), properties.getProperty("parley.schema.required-version"),
                "parley.schema.required-version in application.properties must name the newest migration");
    }
}
