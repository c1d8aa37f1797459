package org.parley.gateway.client;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads the instants and dates of the services' answers ({@code createdAt}, {@code publishedAt}, {@code start} …)
 * without a {@code DateTimeFormatter}: the services write them in one fixed form ({@code 2025-11-27T09:14:03.123456Z},
 * {@code 2025-11-27}), and Jackson's own deserializers, which parse through the formatter's general machinery, were
 * the largest single cost of decoding a page of events (~6 % of the gateway's CPU over fast backends, JFR in
 * bench/results/2026-11-30-gateway-cpu.md: ~100 instants per page). Exactly that form is read here, digit by digit,
 * into the same value; anything else (another offset, a number, a malformed or impossible date) goes to Jackson's
 * own deserializer, so what is accepted, and every error, stays as before ({@code BackendJsonTimesTest}).
 */
@Singleton
public class BackendJsonTimes implements ObjectMapperCustomizer {

    /** The mapper's deserializers for instants and dates, also {@link BackendRecords}' for its records' fields. */
    static final Fast<Instant> INSTANTS =
            new Fast<>(Instant.class, BackendJsonTimes::instant, InstantDeserializer.INSTANT);
    static final Fast<LocalDate> DATES =
            new Fast<>(LocalDate.class, BackendJsonTimes::date, LocalDateDeserializer.INSTANCE);

    /**
     * After Quarkus's own customizers (they run last, and one of them registers the JavaTimeModule): of two modules
     * with a deserializer for the same type, Jackson asks the one registered later first.
     */
    @Override
    public int priority() {
        return QUARKUS_CUSTOMIZER_PRIORITY - 1;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("parley-backend-times")
                .addDeserializer(Instant.class, INSTANTS)
                .addDeserializer(LocalDate.class, DATES));
    }

    /** A string in the services' form read by {@code fast}; any other token or text read by Jackson's own. */
    static final class Fast<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> fast;
        private final JsonDeserializer<T> jackson;

        Fast(Class<T> type, Function<String, T> fast, JsonDeserializer<T> jackson) {
            this.type = type;
            this.fast = fast;
            this.jackson = jackson;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                T value = fast.apply(p.getText());
                if (value != null) {
                    return value;
                }
            }
            return jackson.deserialize(p, ctxt);
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} as an Instant; null for any other text (or an impossible date or time). */
    static Instant instant(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || n == 21 || text.charAt(n - 1) != 'Z' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        LocalDate day = date(text.substring(0, 10));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        return day.atTime(hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-dd} (a year of four digits) as a LocalDate; null for any other text or an impossible date. */
    static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null; // 2025-02-30: Jackson's own deserializer says what is wrong with it
        }
    }

    /** The number the ASCII digits in [from, to) spell, or -1 if one is not a digit (at most 9 digits). */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
