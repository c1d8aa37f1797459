package org.parley.importer;

import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a chunk failed as a whole (its rows are then not reported: sending the chunk again is safe, because
 * resolve and the batch skip are idempotent): a service unavailable ({@link #retryable()}) or refusing
 * the chunk in a way that cannot be pinned to rows. The message never carries a class name or a stack
 * trace.
 */
public final class ImportFailure extends RuntimeException {

    /** The problem+json body of the Parley services. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, List<Violation> violations,
            Boolean retryable) {
    }

    public record Violation(String field, String message) {
    }

    private final int status;
    private final boolean retryable;

    private ImportFailure(int status, String detail, boolean retryable) {
        super(detail, null, false, false);
        this.status = status;
        this.retryable = retryable;
    }

    /**
     * A service could not serve the chunk: 503 when asking again may help, 401/403 when it refused the
     * token, else 502 (it refused the chunk as a whole).
     */
    public static ImportFailure backend(String service, Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof ImportFailure f) {
                return f;
            }
            if (t instanceof WebApplicationException web) {
                int status = web.getResponse().getStatus();
                Problem p = problemOf(web);
                String detail = service + " answered " + status
                        + (p != null && p.detail() != null ? ": " + p.detail() : "");
                if (status == 401 || status == 403) {
                    return new ImportFailure(status, detail, false); // the token: nothing a retry changes
                }
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
        return new ImportFailure(503, detail.startsWith(service) ? detail : service + ": " + detail, true);
    }

    private static ImportFailure badGateway(String service, String detail) {
        return new ImportFailure(502, detail.startsWith(service) ? detail : service + ": " + detail, false);
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

    /** Whether sending the same chunk again may help (the service was unavailable, not refusing). */
    public boolean retryable() {
        return retryable;
    }
}
