package org.parley.events.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses path and query parameters by hand so that a malformed value becomes a 400 naming the
 * parameter (JAX-RS conversion would answer 404 for a bad path UUID and hide which one failed).
 * Repeatable parameters accept both "?actor=a&actor=b" and "?actor=a,b".
 */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, "is required");
        }
        try {
            String v = value.trim();
            if (v.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, "'" + value + "' is not a UUID");
        }
    }

    public static UUID optionalUuid(String name, String value) {
        return value == null || value.isBlank() ? null : uuid(name, value);
    }

    public static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static List<UUID> uuids(String name, List<String> values) {
        return split(values).stream().map(v -> uuid(name, v)).distinct().collect(Collectors.toList());
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "'" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, "unknown value '" + value + "', expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static <E extends Enum<E>> List<E> enums(String name, List<String> values, Class<E> type) {
        return split(values).stream().map(v -> enumValue(name, v, type)).distinct().collect(Collectors.toList());
    }

    public static int intValue(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "'" + value + "' is not an integer");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest(name, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    /** true/false (any case); {@code defaultValue} when absent. */
    public static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, "'" + value + "' is not true or false");
        };
    }

    public static List<Integer> ints(String name, List<String> values, int min, int max) {
        return split(values).stream().map(v -> intValue(name, v, 0, min, max)).distinct()
                .collect(Collectors.toList());
    }
}
