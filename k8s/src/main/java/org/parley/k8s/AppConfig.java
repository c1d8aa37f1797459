package org.parley.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads from its {@code application.properties}, as seen by a packaged jar (the prod
 * profile): its HTTP port, the environment variables its properties refer to, and the environment
 * spelling of every property (Quarkus maps {@code quarkus.rest-client.actors.url} to
 * {@code QUARKUS_REST_CLIENT_ACTORS_URL}).
 */
public final class AppConfig {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern LOCAL_HOST = Pattern.compile("\\b(127\\.0\\.0\\.1|localhost)\\b");

    private final String name;
    private final Path file;
    /** Effective prod-profile values: the base keys, overridden by {@code %prod.} keys. */
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> allKeys = new LinkedHashSet<>();
    private final Set<String> referencedVariables = new LinkedHashSet<>();
    /** Keys set for the prod profile only ({@code %prod.key}). */
    private final Set<String> profileKeys = new LinkedHashSet<>();

    private AppConfig(String name, Path file, Properties properties, String profile) {
        this.name = name;
        this.file = file;
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                if (isVariable(m.group(1))) {
                    referencedVariables.add(m.group(1));
                }
            }
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                String plain = key.substring(dot + 1);
                allKeys.add(plain);
                if (key.substring(1, dot).equals(profile)) {
                    values.put(plain, value);
                    profileKeys.add(plain);
                }
            } else {
                allKeys.add(key);
                values.putIfAbsent(key, value);
            }
        }
    }

    /** Loads {@code <moduleDir>/src/main/resources/application.properties} for the prod profile. */
    public static AppConfig load(Path moduleDir) {
        Path file = moduleDir.resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return new AppConfig(moduleDir.getFileName().toString(), file, properties, "prod");
    }

    /**
     * The keys a properties file sets more than once, exactly as written ({@code %test.x} and
     * {@code x} are different keys). {@link Properties#load} keeps the last value silently, so a
     * second {@code quarkus.native.resources.includes} would drop the first file from a native image.
     */
    public static Set<String> duplicatedKeys(Path file) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        Properties recorder = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (!seen.add((String) key)) {
                    duplicated.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            recorder.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return duplicated;
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    /** Quarkus's environment-variable spelling of a property name. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The port the packaged application listens on (Quarkus's default is 8080). */
    public int httpPort() {
        String port = values.getOrDefault("quarkus.http.port", "8080");
        Matcher m = EXPRESSION.matcher(port);
        return Integer.parseInt(m.matches() && m.group(2) != null ? m.group(2) : port.trim());
    }

    /** Every environment variable name the application reads: properties in env spelling and ${VARS}. */
    public Set<String> knownEnvironmentNames() {
        Set<String> names = new LinkedHashSet<>(referencedVariables);
        allKeys.forEach(k -> names.add(envName(k)));
        return names;
    }

    /** Properties the prod profile sets on top of the base ({@code %prod.…}). */
    public Set<String> prodOnlyKeys() {
        return profileKeys;
    }

    /** Effective prod-profile properties. */
    public Map<String, String> values() {
        return values;
    }

    /**
     * What must come from the environment for the application to work in a cluster, each as a
     * requirement satisfied by any one of its alternatives (the property itself, or the variables its
     * value uses): properties with a ${VAR} that has no default, properties whose value (or default)
     * points at this machine (127.0.0.1/localhost), and credentials (username/password).
     */
    public Map<String, Set<Set<String>>> requiredSettings() {
        Map<String, Set<Set<String>>> required = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Set<Set<String>> alternatives = new LinkedHashSet<>();
            alternatives.add(Set.of(envName(key)));
            Set<String> withoutDefault = new LinkedHashSet<>();
            Set<String> localDefaults = new LinkedHashSet<>();
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                if (!isVariable(m.group(1))) {
                    continue;
                }
                if (m.group(2) == null) {
                    withoutDefault.add(m.group(1));
                } else if (LOCAL_HOST.matcher(m.group(2)).find()) {
                    localDefaults.add(m.group(1));
                }
            }
            String literal = EXPRESSION.matcher(value).replaceAll("");
            boolean credential = key.endsWith(".username") || key.endsWith(".password");
            if (!withoutDefault.isEmpty()) {
                alternatives.add(withoutDefault);
                required.put(key, alternatives);
            } else if (LOCAL_HOST.matcher(literal).find()) {
                required.put(key, alternatives);
            } else if (!localDefaults.isEmpty()) {
                alternatives.add(localDefaults);
                required.put(key, alternatives);
            } else if (credential) {
                Set<String> all = new LinkedHashSet<>();
                Matcher v = EXPRESSION.matcher(value);
                while (v.find()) {
                    if (isVariable(v.group(1))) {
                        all.add(v.group(1));
                    }
                }
                if (!all.isEmpty()) {
                    alternatives.add(all);
                }
                required.put(key, alternatives);
            }
        });
        return required;
    }

    /** ${NAME} is an environment variable when NAME is not a property name (those have dots). */
    private static boolean isVariable(String name) {
        return !name.contains(".");
    }
}
