package org.parley.gateway.client;

import java.util.List;

import io.smallrye.mutiny.Uni;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Turns whatever a REST client call failed with into a {@link BackendException}. */
final class BackendErrors {

    /** The problem+json body every Parley service answers errors with. */
    record Problem(String type, String title, int status, String detail, List<BackendException.Violation> violations) {
    }

    private BackendErrors() {
    }

    /** A backend 404 is an answer ("no such thing"), not a failure: the item becomes null. */
    static <T> Uni<T> nullIfNotFound(Uni<T> call) {
        return call.onFailure(BackendException.class).recoverWithUni(e -> notFoundAsNull((BackendException) e));
    }

    static <T> Uni<T> notFoundAsNull(BackendException e) {
        return e.kind() == BackendException.Kind.NOT_FOUND ? Uni.createFrom().nullItem() : Uni.createFrom().failure(e);
    }

    static BackendException translate(String service, Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof BackendException backend) {
                return backend;
            }
            if (t instanceof WebApplicationException web) {
                return fromResponse(service, web.getResponse());
            }
            if (t instanceof CircuitBreakerOpenException) {
                return new BackendUnavailableException(service, service + " is failing; calls are paused for a moment");
            }
            if (t instanceof TimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return new BackendUnavailableException(service, service + " did not answer in time");
            }
            t = t.getCause();
        }
        // Connection refused/reset, unreadable answer, …: all mean "the backend could not serve this".
        return new BackendUnavailableException(service, service + " is unavailable");
    }

    private static BackendException fromResponse(String service, Response response) {
        int status = response.getStatus();
        Problem problem = readProblem(response);
        String detail = problem != null && problem.detail() != null ? problem.detail()
                : problem != null && problem.title() != null ? problem.title() : null;
        List<BackendException.Violation> violations = problem == null ? null : problem.violations();
        if (status == 404) {
            return new BackendException(BackendException.Kind.NOT_FOUND, service,
                    detail != null ? detail : "not found", violations);
        }
        if (status == 409 || status == 412 || status == 428) {
            return new BackendException(BackendException.Kind.CONFLICT, service,
                    detail != null ? detail : "the resource was changed by someone else", violations);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new BackendException(BackendException.Kind.BAD_INPUT, service,
                    detail != null ? detail : "rejected by " + service, violations);
        }
        if (status < 400) {
            return new BackendUnavailableException(service, service + " sent an answer the gateway could not read");
        }
        return new BackendUnavailableException(service, service + " answered " + status);
    }

    private static Problem readProblem(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(Problem.class) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
