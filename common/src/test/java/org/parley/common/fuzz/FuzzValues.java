package org.parley.common.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for hostile input: text with NUL, lone surrogates, SQL and JSON metacharacters
 * or 25,000 characters; numbers beyond a double or a long; dates of any year, malformed ones; wrong
 * JSON types and null list items. JSON values are built as text (so 1e400 stays 1e400) with every
 * non-ASCII character escaped (so a lone surrogate reaches the parser as \ud800, not as '?').
 */
public final class FuzzValues {

    /** A field value meaning "leave the field out". */
    public static final String ABSENT = "\u0001absent";

    private static final List<String> SPECIAL = List.of("", " ", "\u0000", "a\u0000b", "\ud800", "\udc00x", "\uD83D\uDE00",
            "'", "'; drop table event; --", "%", "%_%", "\\", "\"", "{", "[]", "{}", "null", "NaN", "Infinity", "1e400",
            "-1", "0", "\t", "\r\n", "\u202e", "\ufeff", ",", ",,", " , ", "*", "?", "&", "=", "#", "/", "..", "%00",
            "\\u0000", "true", "9999-12-31", "-5000-01-01", "+10000-01-01", "0000-01-01", "2025-02-30", "2025-13-01",
            "START_DESC", "relevance", "month", "week", "OCCURRED", "SOURCE", "FOLLOWS", "COUNTRY", "042", "106", "14",
            "PERSON", "state", "REPRESENTS", "RUSGOV", "RUS", "Q7747",
            "gdelt:1", "UKR", "https://example.org/a", "3f2b8c1e-6d4a-4f5b-9c2d-1a2b3c4d5e6f");

    private FuzzValues() {
    }

    /** Raw text, for query parameters and JSON strings. */
    public static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(4, Arbitraries.of(SPECIAL)),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars(" -_%',:|").ofMinLength(1).ofMaxLength(20)));
    }

    /** Text for bodies: also, now and then, longer than any field allows. */
    public static Arbitrary<String> bodyTexts() {
        return Arbitraries.frequencyOf(Tuple.of(19, texts()),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(300).ofMaxLength(25_000)));
    }

    public static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1", "-1", "1e400", "-1e400", "1e-400", "1.7976931348623157E308", "1.8e308",
                        "4.9e-324", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                        "123456789012345678901234567890", "0.5", "1E2", "2147483648", "90.0000001", "-180.5"),
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.integers().between(-3, 1000).map(String::valueOf));
    }

    /** Dates as text: any year (signed as ISO 8601 writes it), impossible days, other formats. */
    public static Arbitrary<String> dates() {
        Arbitrary<String> anyYear = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(-999_999, 999_999)),
                        Tuple.of(3, Arbitraries.integers().between(-2, 10_001)),
                        Tuple.of(4, Arbitraries.integers().between(1900, 2100))),
                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> year(y) + "-" + two(m) + "-" + two(d));
        return Arbitraries.frequencyOf(Tuple.of(6, anyYear), Tuple.of(3, Arbitraries.of("2025-11-26", "0001-01-01",
                "9999-12-31", "0000-01-01", "-0001-12-31", "+10000-01-01", "-5000-01-01", "2025-02-29", "2024-02-29",
                "2025-1-1", "20251126", "2025-11-26T10:00:00Z", "yesterday", "")), Tuple.of(1, texts()));
    }

    public static Arbitrary<String> instants() {
        return Arbitraries.oneOf(dates().map(d -> d + "T10:00:00Z"), dates(),
                Arbitraries.of("2025-11-26T10:00:00Z", "+300000-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                        "9999-12-31T23:59:59.999999999Z", "2025-11-26T25:00:00Z", "2025-11-26T10:00:00+14:00", "1764151200"));
    }

    /** Mostly one of {@code known}, else random or malformed ids. */
    public static Arbitrary<String> uuids(List<String> known) {
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(known)),
                Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(1, Arbitraries.of(known).map(id -> id.toUpperCase())),
                Tuple.of(2, texts()));
    }

    /** A JSON value: mostly {@code likely}, else any other kind of value. */
    public static Arbitrary<String> json(Arbitrary<String> likely) {
        return Arbitraries.frequencyOf(Tuple.of(6, likely),
                Tuple.of(2, bodyTexts().map(FuzzValues::quote)),
                Tuple.of(1, numbers()),
                Tuple.of(1, dates().map(FuzzValues::quote)),
                Tuple.of(1, Arbitraries.of("null", "true", "false", "{}", "[]", "[null]", "[[]]", "{\"a\": null}")),
                Tuple.of(1, texts().map(FuzzValues::quote).list().ofMaxSize(3).map(FuzzValues::array)));
    }

    /**
     * A field of an object: mostly a likely value, else any value, now and then absent; most bodies
     * are valid but for a field or two, so requests get past validation into the services.
     */
    public static Arbitrary<String> field(Arbitrary<String> likely) {
        return Arbitraries.frequencyOf(Tuple.of(14, likely), Tuple.of(1, json(likely)), Tuple.of(1, Arbitraries.just(ABSENT)));
    }

    /** Mostly a real day of 1990–2030, else any date text. */
    public static Arbitrary<String> likelyDates() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(0, 40 * 365)
                .map(d -> LocalDate.of(1990, 1, 1).plusDays(d).toString())), Tuple.of(1, dates()));
    }

    /** Mostly plain words, else any text. */
    public static Arbitrary<String> likelyTexts() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, texts()));
    }

    public static Arbitrary<String> quoted(Arbitrary<String> text) {
        return text.map(FuzzValues::quote);
    }

    public static Arbitrary<String> quotedOf(String... values) {
        return Arbitraries.of(values).map(FuzzValues::quote);
    }

    /** A JSON array of {@code items}, sometimes with a null item. */
    public static Arbitrary<String> arrayOf(Arbitrary<String> item, int maxSize) {
        return Arbitraries.frequencyOf(Tuple.of(8, item.list().ofMaxSize(maxSize).map(FuzzValues::array)),
                Tuple.of(1, item.list().ofMaxSize(2).map(l -> {
                    List<String> withNull = new ArrayList<>(l);
                    withNull.add("null");
                    return array(withNull);
                })));
    }

    /** A JSON object with the given fields (in order), absent ones left out. */
    public static Arbitrary<String> object(Map<String, Arbitrary<String>> fields) {
        List<String> names = new ArrayList<>(fields.keySet());
        return Combinators.combine(new ArrayList<>(fields.values())).as(values -> {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (!ABSENT.equals(values.get(i))) {
                    members.add(quote(names.get(i)) + ": " + values.get(i));
                }
            }
            return "{" + String.join(", ", members) + "}";
        });
    }

    public static Map<String, Arbitrary<String>> fields(Object... nameArbitraryPairs) {
        Map<String, Arbitrary<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < nameArbitraryPairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Arbitrary<String> arbitrary = (Arbitrary<String>) nameArbitraryPairs[i + 1];
            out.put((String) nameArbitraryPairs[i], arbitrary);
        }
        return out;
    }

    /** A request body: mostly {@code object}, else something that is not that object at all. */
    public static Arbitrary<String> body(Arbitrary<String> object) {
        return Arbitraries.frequencyOf(Tuple.of(12, object), Tuple.of(1, Arbitraries.of("", "null", "[]", "\"x\"", "{",
                "{\"a\":}", "[null]", "1e400", "{}{}", "{} trailing", "{\"\\u0000\": 1}", "\u0000")));
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    public static String array(List<String> items) {
        return items.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String year(int y) {
        if (y > 9999) {
            return "+" + y;
        }
        return y < 0 ? "-" + String.format("%04d", -y) : String.format("%04d", y);
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
