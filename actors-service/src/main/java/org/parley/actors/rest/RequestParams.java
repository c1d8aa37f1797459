package org.parley.actors.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.actors.service.InvalidInputException;

/**
 * Parses path, query and header values by hand: JAX-RS would turn a malformed path or query
 * parameter into a 404, and we owe the client a 400 that names the parameter.
 */
final class RequestParams {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private RequestParams() {
    }

    static UUID uuid(String value, String field) {
        if (value == null || !UUID_PATTERN.matcher(value.strip()).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not a UUID (expected e.g. 3f2b8c1e-6d4a-4f5b-9c2d-1a2b3c4d5e6f)");
        }
        return UUID.fromString(value.strip());
    }

    /** Repeated and comma-separated values alike ("a,b" or "x=a&x=b"), blanks dropped. */
    static List<String> splitValues(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** Distinct ids in first-seen order; more than {@code max} → 400. */
    static List<UUID> uuids(List<String> values, String field, int max) {
        List<String> parts = splitValues(values);
        if (parts.size() > max) {
            throw new InvalidInputException(field, "at most " + max + " ids per request, got " + parts.size());
        }
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            ids.add(uuid(parts.get(i), field));
        }
        return List.copyOf(ids);
    }

    static <E extends Enum<E>> List<E> enums(List<String> values, Class<E> type, String field) {
        List<E> out = new ArrayList<>();
        for (String part : splitValues(values)) {
            try {
                out.add(Enum.valueOf(type, part.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "'" + part + "' is not one of the allowed values: "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    static int intInRange(String value, String field, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the same message as an out-of-range number
        }
        throw new InvalidInputException(field, "must be a whole number from " + min + " to " + max);
    }

    /** An entity tag as we issue them ("3"), also accepted weak or unquoted. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // handled below
        }
        throw new InvalidInputException("If-Match", "must be the ETag of the actor, e.g. \"3\"");
    }
}
