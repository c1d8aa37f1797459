package org.parley.gateway.importer;

import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.parley.gateway.client.BackendException;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why an import request failed as a whole (the rows of a chunk are then not reported: the client may
 * send the chunk again, which is safe because resolve and the batch skip are idempotent). Becomes an
 * {@code application/problem+json} answer; never carries a class name or a stack trace.
 */
public final class ImportFailure extends RuntimeException {

    /** The problem+json body of the Parley services (and of this endpoint). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, List<Violation> violations,
            Boolean retryable) {
    }

    public record Violation(String field, String message) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;
    private final boolean retryable;

    private ImportFailure(int status, String type, String title, String detail, List<Violation> violations,
            boolean retryable) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryable = retryable;
    }

    public static ImportFailure badRequest(String field, String message) {
        return new ImportFailure(400, "urn:parley:problem:validation", "Invalid import request",
                field + ": " + message, List.of(new Violation(field, message)), false);
    }

    public static ImportFailure unauthenticated(String detail) {
        return new ImportFailure(401, "urn:parley:problem:unauthenticated", "Unauthenticated", detail, null, false);
    }

    public static ImportFailure forbidden(String detail) {
        return new ImportFailure(403, "urn:parley:problem:forbidden", "Forbidden", detail, null, false);
    }

    /** A backend could not serve the chunk: 503 when asking again may help, else 502. */
    public static ImportFailure backend(String service, Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof ImportFailure f) {
                return f;
            }
            if (t instanceof BackendException b) {
                return b.retryable() ? unavailable(service, b.detail()) : badGateway(service, b.detail());
            }
            if (t instanceof WebApplicationException web) {
                int status = web.getResponse().getStatus();
                Problem p = problemOf(web);
                String detail = service + " answered " + status
                        + (p != null && p.detail() != null ? ": " + p.detail() : "");
                return status >= 500 || status == 408 || status == 429 ? unavailable(service, detail)
                        : badGateway(service, detail);
            }
            if (t instanceof TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return unavailable(service, service + " did not answer in time");
            }
            t = t.getCause();
        }
        return unavailable(service, service + " is unavailable");
    }

    private static ImportFailure unavailable(String service, String detail) {
        return new ImportFailure(503, "urn:parley:problem:upstream-unavailable", "Upstream unavailable",
                detail.startsWith(service) ? detail : service + ": " + detail, null, true);
    }

    private static ImportFailure badGateway(String service, String detail) {
        return new ImportFailure(502, "urn:parley:problem:upstream-rejected", "Upstream rejected the import",
                detail.startsWith(service) ? detail : service + ": " + detail, null, false);
    }

    /** The problem body of a backend's 4xx/5xx answer, or null when there is none or it is unreadable. */
    static Problem problemOf(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof WebApplicationException)) {
            t = t.getCause();
        }
        if (t == null) {
            return null;
        }
        Response response = ((WebApplicationException) t).getResponse();
        try {
            response.bufferEntity();
            return response.hasEntity() ? response.readEntity(Problem.class) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The HTTP status of a backend's error answer, or 0 when the failure is not one. */
    static int statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException web) {
                return web.getResponse().getStatus();
            }
        }
        return 0;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return new Problem(type, title, status, getMessage(), violations.isEmpty() ? null : violations,
                status >= 500 ? retryable : null);
    }
}
