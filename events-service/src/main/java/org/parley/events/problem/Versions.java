package org.parley.events.problem;

/** Optimistic locking: the expected version comes from the body or from {@code If-Match: "3"}. */
public final class Versions {

    private Versions() {
    }

    public static long required(Long bodyVersion, String ifMatch) {
        if (bodyVersion != null) {
            return bodyVersion;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired(
                    "send the version you read, as \"version\" in the body or as If-Match: \"<version>\"");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "'" + ifMatch + "' is not a version such as \"3\"");
        }
    }
}
