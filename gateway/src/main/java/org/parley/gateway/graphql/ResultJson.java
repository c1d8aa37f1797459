package org.parley.gateway.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.spi.config.Config;

/**
 * The JSON text of an execution's answer, byte for byte what SmallRye writes ({@link ExecutionResponse}
 * {@code getExecutionResultAsString}), for the common answer (data, no errors, no extensions) written straight from
 * graphql-java's result into one StringBuilder.
 * <p>
 * SmallRye first copies the whole result into a JSON-P object tree (a builder per object and list, a JsonValue per
 * scalar, a path stack kept for its exclude-null-fields option) and then has Parsson write the tree: ~5 % of the
 * gateway's CPU on a page of 20 events (JFR, benchmark 6). This writes the same text as Parsson does: no whitespace,
 * members in the result's order, strings escaped as Parsson escapes them ({@code \" \\ \b \f \n \r \t}, other
 * characters below U+0020 as lower-case {@code \}{@code u00xx}, everything else as it is), numbers as Parsson prints
 * SmallRye's JSON values of them (a double through {@code BigDecimal.valueOf}). Anything else, errors, extensions,
 * SmallRye's exclude-null-fields option, a value of another type, is left to SmallRye ({@code ResultJsonTest} compares
 * both on the answers of the real schema).
 */
final class ResultJson {

    private ResultJson() {
    }

    /** The answer as SmallRye would write it. */
    static String of(ExecutionResponse response) {
        String fast = dataOnly(response.getExecutionResult());
        return fast != null ? fast : response.getExecutionResultAsString();
    }

    /** {"data":…} for an answer with data and nothing else, else null (SmallRye writes it). */
    static String dataOnly(ExecutionResult result) {
        if (!result.isDataPresent() || !result.getErrors().isEmpty()
                || (result.getExtensions() != null && !result.getExtensions().isEmpty())
                || Config.get().isExcludeNullFieldsInResponses()) {
            return null;
        }
        StringBuilder out = new StringBuilder(4096).append("{\"data\":");
        return value(out, result.getData()) ? out.append('}').toString() : null;
    }

    /** Appends the value; false when it is of a type this writer leaves to SmallRye. */
    private static boolean value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Map<?, ?> object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> member : object.entrySet()) {
                if (!(member.getKey() instanceof String name)) {
                    return false;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, name);
                out.append(':');
                if (!value(out, member.getValue())) {
                    return false;
                }
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (!value(out, item)) {
                    return false;
                }
            }
            out.append(']');
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue() ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                return false; // SmallRye fails on these: let it
            }
            out.append(BigDecimal.valueOf(number.doubleValue()));
        } else if (value instanceof Float number) {
            if (number.isNaN() || number.isInfinite()) {
                return false;
            }
            out.append(new BigDecimal(String.valueOf(number.floatValue())));
        } else if (value instanceof BigDecimal number) {
            out.append(number);
        } else if (value instanceof Enum<?> constant) {
            string(out, constant.name());
        } else {
            return false; // SmallRye writes other objects through JSON-B
        }
        return true;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A JSON string, escaped as Parsson's JsonGeneratorImpl.writeEscapedString escapes it. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        if (plain == 0) {
            out.append(text); // nothing escaped (the common case): one copy, not a char-by-char append
        } else {
            out.append(text, plain, text.length());
        }
        out.append('"');
    }
}
