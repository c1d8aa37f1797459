package org.parley.gateway.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Label values from outside (GraphQL operation names, error codes) made safe for a metrics backend:
 * sanitized to a short identifier, and at most {@code max} distinct values, the rest counted as
 * {@value #OTHER}. The first values seen keep their label for the life of the process.
 */
public final class BoundedLabels {

    public static final String OTHER = "other";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_]");
    private static final int MAX_LENGTH = 64;

    private final int max;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    public BoundedLabels(int max) {
        this.max = max;
    }

    /** The label for {@code value}; {@code absent} when it is null or blank. */
    public String label(String value, String absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        if (admitted.contains(value)) {
            return value; // admitted labels are clean already: the usual case, without the regular expression
        }
        String clean = UNSAFE.matcher(value).replaceAll("_");
        if (clean.length() > MAX_LENGTH) {
            clean = clean.substring(0, MAX_LENGTH);
        }
        if (admitted.contains(clean)) {
            return clean;
        }
        // A benign race may admit a value or two past the bound; the bound is about orders of magnitude.
        if (admitted.size() < max && admitted.add(clean)) {
            return clean;
        }
        return admitted.contains(clean) ? clean : OTHER;
    }
}
