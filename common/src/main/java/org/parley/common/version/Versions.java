package org.parley.common.version;

import org.parley.common.problem.ApiException;

/**
 * Optimistic locking, the same in both services: the version an update is based on comes as
 * {@code "version"} in the body or as {@code If-Match: "3"} (the ETag we issue; weak or unquoted
 * accepted). Both given and different → 400 (we refuse to guess which one the client meant);
 * neither → 428; a malformed If-Match → 400 naming "If-Match". Stale versions are the services'
 * business (409, {@link ApiException#staleVersion}).
 */
public final class Versions {

    private static final String REQUIRED =
            "Send the version you last read, as \"version\" in the body or as If-Match: \"<version>\".";

    private Versions() {
    }

    /** The expected version, or 428 when the client sent none. */
    public static long required(Long bodyVersion, String ifMatch) {
        Long expected = expected(bodyVersion, ifMatch);
        if (expected == null) {
            throw missing();
        }
        return expected;
    }

    /** The expected version, or null when the client sent none (for callers that decide later). */
    public static Long expected(Long bodyVersion, String ifMatch) {
        Long headerVersion = ifMatch(ifMatch);
        if (headerVersion != null && bodyVersion != null && !headerVersion.equals(bodyVersion)) {
            throw ApiException.badRequest("version", "disagrees with If-Match (" + headerVersion + ")");
        }
        return headerVersion != null ? headerVersion : bodyVersion;
    }

    /** The 428 answer to an update without a version. */
    public static ApiException missing() {
        return ApiException.preconditionRequired(REQUIRED);
    }

    /** The version in an If-Match header; null when there is none. */
    public static Long ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("If-Match", "'" + ifMatch + "' is not a version such as \"3\"");
    }
}
