package org.parley.common.params;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.common.input.InputRules;
import org.parley.common.problem.ApiException;

/**
 * Parses path, query and header values by hand so that a malformed value becomes a 400 naming the
 * parameter (JAX-RS conversion would answer 404 for a bad path UUID and hide which one failed).
 * Repeatable parameters accept both "?actor=a&amp;actor=b" and "?actor=a,b"; blanks are dropped and
 * repeated values count once.
 */
public final class Params {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, "is required");
        }
        if (!UUID_PATTERN.matcher(value.strip()).matches()) {
            throw ApiException.badRequest(name,
                    "'" + value + "' is not a UUID (expected e.g. 3f2b8c1e-6d4a-4f5b-9c2d-1a2b3c4d5e6f)");
        }
        return UUID.fromString(value.strip());
    }

    public static UUID optionalUuid(String name, String value) {
        return value == null || value.isBlank() ? null : uuid(name, value);
    }

    /** The values of a repeatable parameter, split at commas, stripped, distinct, in first-seen order. */
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
                    out.add(part.strip());
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static List<UUID> uuids(String name, List<String> values) {
        return split(values).stream().map(v -> uuid(name, v)).distinct().toList();
    }

    /** Like {@link #uuids(String, List)}, refusing more than {@code max} ids in one request. */
    public static List<UUID> uuids(String name, List<String> values, int max) {
        List<String> parts = split(values);
        if (parts.size() > max) {
            throw ApiException.badRequest(name, "at most " + max + " ids per request, got " + parts.size());
        }
        return uuids(name, parts);
    }

    /** A yyyy-mm-dd date within {@link InputRules#MIN_DATE}–{@link InputRules#MAX_DATE}; null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "'" + value + "' is not a date (expected yyyy-mm-dd)");
        }
        return checked(name, InputRules.dateProblem(date), date);
    }

    /** Free text (a search string), stripped; null when absent or blank; 400 when it holds U+0000. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checked(name, InputRules.textProblem(value), value.strip());
    }

    private static <T> T checked(String name, String problem, T value) {
        if (problem != null) {
            throw ApiException.badRequest(name, problem);
        }
        return value;
    }

    /** A constant of {@code type} in any case; null when absent. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, "'" + value + "' is not one of the allowed values: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static <E extends Enum<E>> List<E> enums(String name, List<String> values, Class<E> type) {
        return split(values).stream().map(v -> enumValue(name, v, type)).distinct().toList();
    }

    /** A whole number from {@code min} to {@code max}; {@code defaultValue} when absent. */
    public static int intValue(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // the same answer as for an out-of-range number: it says what is allowed
        }
        throw ApiException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    public static List<Integer> ints(String name, List<String> values, int min, int max) {
        return split(values).stream().map(v -> intValue(name, v, 0, min, max)).distinct().toList();
    }

    /** true/false (any case); {@code defaultValue} when absent. */
    public static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, "'" + value + "' is not true or false");
        };
    }
}
