package org.parley.events.problem;

import java.util.List;

/**
 * A request the service rejects on purpose. Carries the HTTP status and, for bad input, the
 * offending fields, so the single mapper can render problem+json without knowing the use case.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;

    public ApiException(int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = violations;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "Bad Request", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public static ApiException badRequest(List<Problem.Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiException(400, "Bad Request", detail, violations);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail, List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail, List.of());
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "Precondition Required", detail, List.of());
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), violations);
    }
}
