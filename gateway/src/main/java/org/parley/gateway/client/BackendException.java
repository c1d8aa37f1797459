package org.parley.gateway.client;

import java.util.List;

/**
 * A backend call that did not give what was asked, already classified, so the GraphQL layer never
 * sees HTTP or transport exceptions (or their class names).
 */
public class BackendException extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        BAD_INPUT,
        CONFLICT,
        UNAVAILABLE
    }

    public record Violation(String field, String message) {
    }

    private final Kind kind;
    private final String service;
    private final List<Violation> violations;

    public BackendException(Kind kind, String service, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.kind = kind;
        this.service = service;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public Kind kind() {
        return kind;
    }

    public String service() {
        return service;
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Whether asking again later may succeed (the caller's input was not the problem). */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}
