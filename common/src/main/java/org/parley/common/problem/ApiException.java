package org.parley.common.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request a service rejects on purpose. Carries everything the problem+json answer needs, so
 * the shared mappers render it without knowing the use case. Built through the factories, one per
 * kind of refusal (bad input, not found, conflict, stale version, version required).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.Violation> violations;

    private ApiException(int status, String type, String title, String detail, List<Problem.Violation> violations) {
        // no stack trace: this is an answer to the client, not a failure to debug
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** 400 naming one field, e.g. {@code badRequest("limit", "must be between 1 and 100")}. */
    public static ApiException badRequest(String field, String message) {
        return badRequest(List.of(new Problem.Violation(field, message)));
    }

    /** 400 naming every offending field; the detail lists them as "field: message; …". */
    public static ApiException badRequest(List<Problem.Violation> violations) {
        String detail = violations.isEmpty() ? "The request is invalid."
                : violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return new ApiException(400, ProblemTypes.VALIDATION, "Invalid request", detail, violations);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, ProblemTypes.NOT_FOUND, "Not Found", detail, List.of());
    }

    /** 409: the change contradicts data already stored (a taken key, a resource still in use). */
    public static ApiException conflict(String detail) {
        return new ApiException(409, ProblemTypes.CONFLICT, "Conflict", detail, List.of());
    }

    /** 409 naming the field whose value is already taken. */
    public static ApiException conflict(String field, String message) {
        return new ApiException(409, ProblemTypes.CONFLICT, "Conflict", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** 409: the client edited an older version than the stored one; nothing was changed. */
    public static ApiException staleVersion(String detail) {
        return new ApiException(409, ProblemTypes.STALE_VERSION, "Stale version", detail, List.of());
    }

    /** 428: an update without the version it was based on; lost updates are refused, not guessed. */
    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, ProblemTypes.VERSION_REQUIRED, "Version required", detail,
                List.of(new Problem.Violation("version", "is required (or send If-Match)")));
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), violations);
    }
}
