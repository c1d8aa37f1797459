package org.parley.common.idempotency;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi idempotency-key draft, Stripe's
 * conventions): 1–255 visible ASCII characters, sent bare ({@code abc-123}) or as a structured-field
 * string ({@code "abc-123"}). Anything else is the client's mistake, answered with 400 before any
 * write, so a key that cannot be stored faithfully never guards a write.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** The header's OpenAPI description, the same on every creating POST of both services. */
    public static final String DOC = "Makes a retry safe: the same key and request within 24 h answer "
            + "with the first response (Idempotent-Replayed: true) instead of writing again; 1–255 visible ASCII "
            + "characters, e.g. a UUID";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /**
     * @return the key, or null when the header is absent
     * @throws IdempotencyException (400) when it is present but malformed
     */
    public static String parse(String header) {
        if (header == null) {
            return null;
        }
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw IdempotencyException.invalidKey("must be 1 to " + MAX_LENGTH + " characters long");
        }
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            // visible ASCII without the quote and backslash of structured-field strings
            if (ch < 0x21 || ch > 0x7e || ch == '"' || ch == '\\') {
                throw IdempotencyException.invalidKey(
                        "may hold only visible ASCII characters (no spaces, quotes or backslashes), e.g. a UUID");
            }
        }
        return key;
    }
}
