package org.parley.common.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What every value the services accept must satisfy, whatever the field, so that a value that is
 * accepted can always be stored and read back. PostgreSQL refuses U+0000 in text and jsonb, stores
 * dates only from 4713 BC on, and a JSON number beyond a double's range arrives as Infinity, which
 * JSON cannot carry back. Each check returns the client-facing reason, or null when the value is fine.
 */
public final class InputRules {

    /** The first storable day; the gateway validates its GraphQL dates to the same range. */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** The last storable day (four-digit years keep ISO 8601 text unsigned and sortable). */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The last instant of {@link #MAX_DATE} at microsecond precision, PostgreSQL's timestamp resolution. */
    public static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);

    static final String NUL_REASON = "must not contain the NUL character (U+0000)";
    static final String SURROGATE_REASON = "must be valid Unicode text (a \\u escape of an unpaired surrogate is not)";
    static final String DATE_REASON = "must be a date from " + MIN_DATE + " to " + MAX_DATE;
    static final String INSTANT_REASON = "must be a time from " + MIN_DATE + " to " + MAX_DATE + " (UTC)";
    static final String NUMBER_REASON = "must be a finite number within ±1.7976931348623157E308";

    private InputRules() {
    }

    public static String textProblem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return NUL_REASON;
            }
            if (Character.isSurrogate(c)) {
                // only a high surrogate directly followed by a low one encodes a character; the driver
                // writes an unpaired one as bytes PostgreSQL refuses as invalid UTF-8
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return SURROGATE_REASON;
                }
            }
        }
        return null;
    }

    public static String dateProblem(LocalDate value) {
        return value != null && (value.isBefore(MIN_DATE) || value.isAfter(MAX_DATE)) ? DATE_REASON : null;
    }

    public static String instantProblem(Instant value) {
        return value != null && (value.isBefore(MIN_INSTANT) || value.isAfter(MAX_INSTANT)) ? INSTANT_REASON : null;
    }

    public static String numberProblem(Double value) {
        return value != null && !Double.isFinite(value) ? NUMBER_REASON : null;
    }

    public static String numberProblem(Float value) {
        return value != null && !Float.isFinite(value) ? NUMBER_REASON : null;
    }

    /** The reason {@code value} of any type cannot be accepted, or null; types without a rule pass. */
    public static String problemOf(Object value) {
        if (value instanceof String s) {
            return textProblem(s);
        }
        if (value instanceof LocalDate d) {
            return dateProblem(d);
        }
        if (value instanceof Instant i) {
            return instantProblem(i);
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return instantProblem(o.toInstant());
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return instantProblem(z.toInstant());
        }
        if (value instanceof Double d) {
            return numberProblem(d);
        }
        if (value instanceof Float f) {
            return numberProblem(f);
        }
        return null;
    }
}
