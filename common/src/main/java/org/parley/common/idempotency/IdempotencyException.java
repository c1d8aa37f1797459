package org.parley.common.idempotency;

/**
 * Why a keyed write was refused. Each service's problem mapper renders it as problem+json with
 * {@link #status()} and {@link #type()}; an invalid key is a 400 naming the header as the field.
 */
public final class IdempotencyException extends RuntimeException {

    /** The refusals, with their HTTP status and the stable problem type clients may switch on. */
    public enum Reason {
        INVALID_KEY(400, "urn:parley:problem:validation", "Invalid request"),
        IN_FLIGHT(409, "urn:parley:problem:idempotency-key-in-flight", "Request in progress"),
        KEY_REUSED(422, "urn:parley:problem:idempotency-key-reused", "Idempotency key reused");

        private final int status;
        private final String type;
        private final String title;

        Reason(int status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    private final Reason reason;

    private IdempotencyException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    static IdempotencyException invalidKey(String message) {
        return new IdempotencyException(Reason.INVALID_KEY, message);
    }

    static IdempotencyException inFlight() {
        return new IdempotencyException(Reason.IN_FLIGHT, "A request with this Idempotency-Key is still being "
                + "processed; retry it with the same key once that one has answered.");
    }

    static IdempotencyException reused() {
        return new IdempotencyException(Reason.KEY_REUSED, "This Idempotency-Key was already used for a different "
                + "request (another body or path); use a new key for a new request.");
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status;
    }

    public String type() {
        return reason.type;
    }

    public String title() {
        return reason.title;
    }

    /** The header as the offending field, for problem+json violations. */
    public String field() {
        return IdempotencyKey.HEADER;
    }
}
