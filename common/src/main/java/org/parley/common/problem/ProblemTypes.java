package org.parley.common.problem;

/** The `type` URIs of the problems both services answer with (stable: clients may switch on them). */
public final class ProblemTypes {
    public static final String VALIDATION = "urn:parley:problem:validation";
    public static final String MALFORMED_REQUEST = "urn:parley:problem:malformed-request";
    public static final String NOT_FOUND = "urn:parley:problem:not-found";
    public static final String CONFLICT = "urn:parley:problem:conflict";
    public static final String STALE_VERSION = "urn:parley:problem:stale-version";
    public static final String VERSION_REQUIRED = "urn:parley:problem:version-required";
    /** The database cancelled a statement (statement_timeout): 503 with Retry-After, nothing written. */
    public static final String TIMEOUT = "urn:parley:problem:timeout";
    /** No valid bearer token (none, malformed, expired, wrong issuer/audience/signature): 401. */
    public static final String UNAUTHORIZED = "urn:parley:problem:unauthorized";
    /** A valid token without the role the operation needs: 403. */
    public static final String FORBIDDEN = "urn:parley:problem:forbidden";
    public static final String HTTP = "urn:parley:problem:http";
    public static final String INTERNAL = "urn:parley:problem:internal";

    private ProblemTypes() {
    }
}
