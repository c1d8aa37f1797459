package org.parley.common.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.parley.common.fuzz.Gen.alpha;
import static org.parley.common.fuzz.Gen.anyChar;
import static org.parley.common.fuzz.Gen.charRange;
import static org.parley.common.fuzz.Gen.chars;
import static org.parley.common.fuzz.Gen.frequency;
import static org.parley.common.fuzz.Gen.ints;
import static org.parley.common.fuzz.Gen.just;
import static org.parley.common.fuzz.Gen.of;
import static org.parley.common.fuzz.Gen.oneOf;
import static org.parley.common.fuzz.Gen.strings;
import static org.parley.common.fuzz.Gen.weight;

/**
 * Generators of hostile input: text with NUL, lone surrogates, SQL and JSON metacharacters
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
    public static Gen<String> texts() {
        return frequency(
                weight(4, strings(anyChar(), 0, 30)),
                weight(4, of(SPECIAL)),
                weight(2, strings(oneOf(alpha(), charRange('0', '9'), chars(" -_%',:|")), 1, 20)));
    }

    /** Text for bodies: also, now and then, longer than any field allows. */
    public static Gen<String> bodyTexts() {
        return frequency(weight(19, texts()), weight(1, strings(charRange('a', 'z'), 300, 25_000)));
    }

    public static Gen<String> numbers() {
        return oneOf(
                of("0", "-0", "1", "-1", "1e400", "-1e400", "1e-400", "1.7976931348623157E308", "1.8e308",
                        "4.9e-324", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                        "123456789012345678901234567890", "0.5", "1E2", "2147483648", "90.0000001", "-180.5"),
                Gen.doubles().map(d -> Double.toString(d)),
                Gen.longs().map(String::valueOf),
                ints(-3, 1000).map(String::valueOf));
    }

    /** Dates as text: any year (signed as ISO 8601 writes it), impossible days, other formats. */
    public static Gen<String> dates() {
        Gen<Integer> years = frequency(weight(3, ints(-999_999, 999_999)), weight(3, ints(-2, 10_001)),
                weight(4, ints(1900, 2100)));
        Gen<Integer> months = ints(0, 13);
        Gen<Integer> days = ints(0, 32);
        Gen<String> anyYear = r -> year(years.next(r)) + "-" + two(months.next(r)) + "-" + two(days.next(r));
        return frequency(weight(6, anyYear), weight(3, of("2025-11-26", "0001-01-01",
                "9999-12-31", "0000-01-01", "-0001-12-31", "+10000-01-01", "-5000-01-01", "2025-02-29", "2024-02-29",
                "2025-1-1", "20251126", "2025-11-26T10:00:00Z", "yesterday", "")), weight(1, texts()));
    }

    public static Gen<String> instants() {
        return oneOf(dates().map(d -> d + "T10:00:00Z"), dates(),
                of("2025-11-26T10:00:00Z", "+300000-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                        "9999-12-31T23:59:59.999999999Z", "2025-11-26T25:00:00Z", "2025-11-26T10:00:00+14:00", "1764151200"));
    }

    /** Mostly one of {@code known}, else random or malformed ids. */
    public static Gen<String> uuids(List<String> known) {
        return frequency(weight(12, of(known)),
                weight(2, Gen.uuids().map(Object::toString)),
                weight(1, of(known).map(id -> id.toUpperCase())),
                weight(2, texts()));
    }

    /** A JSON value: mostly {@code likely}, else any other kind of value. */
    public static Gen<String> json(Gen<String> likely) {
        return frequency(weight(6, likely),
                weight(2, bodyTexts().map(FuzzValues::quote)),
                weight(1, numbers()),
                weight(1, dates().map(FuzzValues::quote)),
                weight(1, of("null", "true", "false", "{}", "[]", "[null]", "[[]]", "{\"a\": null}")),
                weight(1, texts().map(FuzzValues::quote).list(0, 3).map(FuzzValues::array)));
    }

    /**
     * A field of an object: mostly a likely value, else any value, now and then absent; most bodies
     * are valid but for a field or two, so requests get past validation into the services.
     */
    public static Gen<String> field(Gen<String> likely) {
        return frequency(weight(14, likely), weight(1, json(likely)), weight(1, just(ABSENT)));
    }

    /** Mostly a real day of 1990–2030, else any date text. */
    public static Gen<String> likelyDates() {
        return frequency(weight(6, ints(0, 40 * 365).map(d -> LocalDate.of(1990, 1, 1).plusDays(d).toString())),
                weight(1, dates()));
    }

    /** Mostly plain words, else any text. */
    public static Gen<String> likelyTexts() {
        return frequency(weight(6, strings(alpha(), 1, 40)), weight(1, texts()));
    }

    public static Gen<String> quoted(Gen<String> text) {
        return text.map(FuzzValues::quote);
    }

    public static Gen<String> quotedOf(String... values) {
        return of(values).map(FuzzValues::quote);
    }

    /** A JSON array of {@code items}, sometimes with a null item. */
    public static Gen<String> arrayOf(Gen<String> item, int maxSize) {
        return frequency(weight(8, item.list(0, maxSize).map(FuzzValues::array)),
                weight(1, item.list(0, 2).map(l -> {
                    List<String> withNull = new ArrayList<>(l);
                    withNull.add("null");
                    return array(withNull);
                })));
    }

    /** A JSON object with the given fields (in order), absent ones left out. */
    public static Gen<String> object(Map<String, Gen<String>> fields) {
        Map<String, Gen<String>> copy = new LinkedHashMap<>(fields);
        return r -> {
            List<String> members = new ArrayList<>();
            copy.forEach((name, gen) -> {
                String value = gen.next(r);
                if (!ABSENT.equals(value)) {
                    members.add(quote(name) + ": " + value);
                }
            });
            return "{" + String.join(", ", members) + "}";
        };
    }

    public static Map<String, Gen<String>> fields(Object... nameGenPairs) {
        Map<String, Gen<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < nameGenPairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Gen<String> gen = (Gen<String>) nameGenPairs[i + 1];
            out.put((String) nameGenPairs[i], gen);
        }
        return out;
    }

    /** A request body: mostly {@code object}, else something that is not that object at all. */
    public static Gen<String> body(Gen<String> object) {
        return frequency(weight(12, object), weight(1, of("", "null", "[]", "\"x\"", "{",
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
