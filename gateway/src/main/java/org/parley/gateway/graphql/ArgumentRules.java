package org.parley.gateway.graphql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;

/**
 * What every argument of every field must satisfy before any resolver (and so any backend) sees it. Checked
 * once per operation by {@link DocumentGuards} over the coerced argument values, walking the schema's input
 * types, so no resolver and no input class repeats these rules:
 * <ul>
 * <li>text (String, ID) without U+0000 (PostgreSQL text cannot hold it) and at most {@value #MAX_TEXT_LENGTH}
 * characters (the longest text any service takes);</li>
 * <li>dates (Date, DateTime) in years {@code MIN_DATE}…{@code MAX_DATE}: Parley's product range, inside what
 * PostgreSQL's date and timestamptz hold (4713 BC … 5874897 AD / 294276 AD) and what ISO-8601 writes with
 * four digits; the services enforce the same range;</li>
 * <li>finite numbers, and Int values within 32 bits;</li>
 * <li>no null items in lists ({@code kinds: [null]}).</li>
 * </ul>
 */
public final class ArgumentRules {

    /** The earliest date Parley stores (1 January of year 1). */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** The latest date Parley stores (31 December 9999). */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    public static final int MAX_TEXT_LENGTH = 20_000;

    /** One broken rule: the argument path ({@code filter.kinds[0]}) and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private ArgumentRules() {
    }

    /** The violations of one field's arguments, in argument order; empty when all are fine. */
    static List<Violation> check(List<GraphQLArgument> definitions, Map<String, Object> values) {
        List<Violation> out = new ArrayList<>();
        for (GraphQLArgument argument : definitions) {
            if (values.containsKey(argument.getName())) {
                check(argument.getType(), values.get(argument.getName()), argument.getName(), out);
            }
        }
        return out;
    }

    private static void check(GraphQLType type, Object value, String path, List<Violation> out) {
        if (value == null) {
            return; // a null where null is not allowed never gets past graphql-java's own coercion
        }
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list) {
            if (!(value instanceof Iterable<?> items)) {
                check(list.getWrappedType(), value, path, out); // a single value stands for a one-item list
                return;
            }
            int i = 0;
            for (Object item : items) {
                String itemPath = path + "[" + i++ + "]";
                if (item == null) {
                    out.add(new Violation(itemPath, "must not be null"));
                } else {
                    check(list.getWrappedType(), item, itemPath, out);
                }
            }
        } else if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                check(field.getType(), fields.get(field.getName()), path + "." + field.getName(), out);
            }
        } else if (unwrapped instanceof GraphQLScalarType scalar) {
            checkScalar(scalar.getName(), value, path, out);
        }
    }

    private static void checkScalar(String scalar, Object value, String path, List<Violation> out) {
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            out.add(new Violation(path, "must be a finite number"));
        } else if (scalar.equals("Int") && value instanceof Number n && !fitsInt(n)) {
            out.add(new Violation(path, "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE));
        } else if (scalar.equals("Date") || scalar.equals("DateTime")) {
            checkDate(scalar, value, path, out);
        } else if (value instanceof CharSequence text) {
            checkText(text, path, out);
        }
    }

    /** SmallRye's Int scalar lets 64-bit and larger values through to the resolver, which cannot take them. */
    private static boolean fitsInt(Number n) {
        try {
            new BigDecimal(n.toString()).intValueExact();
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    private static void checkText(CharSequence text, String path, List<Violation> out) {
        if (text.length() > MAX_TEXT_LENGTH) {
            out.add(new Violation(path, "must be at most " + MAX_TEXT_LENGTH + " characters"));
        } else if (text.chars().anyMatch(c -> c == 0)) {
            out.add(new Violation(path, "must not contain the NUL character (U+0000)"));
        }
    }

    private static void checkDate(String scalar, Object value, String path, List<Violation> out) {
        TemporalAccessor temporal = value instanceof TemporalAccessor t ? t : parse(scalar, value.toString());
        if (temporal == null || !temporal.isSupported(ChronoField.YEAR)) {
            out.add(new Violation(path, scalar.equals("Date") ? "must be an ISO-8601 date, e.g. 2025-11-27"
                    : "must be an ISO-8601 date-time with offset, e.g. 2025-11-27T10:15:30Z"));
            return;
        }
        int year = temporal.get(ChronoField.YEAR);
        if (year < MIN_DATE.getYear() || year > MAX_DATE.getYear()) {
            out.add(new Violation(path, "must be between " + MIN_DATE + " and " + MAX_DATE));
        }
    }

    private static TemporalAccessor parse(String scalar, String text) {
        try {
            return scalar.equals("Date") ? LocalDate.parse(text) : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return scalar.equals("Date") ? null : ZonedDateTime.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
