package org.parley.gateway.export;

import java.util.List;

import org.parley.gateway.client.BackendException;
import org.parley.gateway.graphql.GatewayError;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An export refused before its first byte: answered as RFC 9457 problem+json, like the services' errors, with
 * the GraphQL error code as the {@code code} member (the same words a GraphQL client already handles) and, for
 * bad input, the offending fields.
 */
final class ExportProblem extends RuntimeException {

    record Violation(String field, String message) {
    }

    private final int status;
    private final String code;
    private final String service;
    private final List<Violation> violations;

    private ExportProblem(int status, String code, String detail, String service, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.service = service;
        this.violations = violations;
    }

    static ExportProblem badInput(String detail, List<Violation> violations) {
        return new ExportProblem(400, GatewayError.BAD_USER_INPUT, detail, null, violations);
    }

    /** Whatever stopped the export before it started, as a client may see it (GatewayError decides the words). */
    static ExportProblem of(Throwable failure) {
        if (failure instanceof ExportProblem problem) {
            return problem;
        }
        GatewayError error = GatewayError.from(failure);
        BackendException backend = failure instanceof BackendException b ? b
                : failure != null && failure.getCause() instanceof BackendException b ? b : null;
        String service = backend == null ? null : backend.service();
        List<Violation> violations = backend == null ? List.of()
                : backend.violations().stream().map(v -> new Violation(v.field(), v.message())).toList();
        int status = switch (error.code()) {
            case GatewayError.BAD_USER_INPUT -> 400;
            case GatewayError.UNAUTHENTICATED -> 401;
            case GatewayError.FORBIDDEN -> 403;
            case GatewayError.NOT_FOUND -> 404;
            case GatewayError.CONFLICT -> 409;
            case GatewayError.UPSTREAM_UNAVAILABLE -> 503;
            default -> 500;
        };
        return new ExportProblem(status, error.code(), error.getMessage(), service, violations);
    }

    int status() {
        return status;
    }

    void send(HttpServerResponse response) {
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", title()).put("status", status)
                .put("detail", getMessage()).put("code", code);
        if (service != null) {
            body.put("service", service);
        }
        if (!violations.isEmpty()) {
            JsonArray array = new JsonArray();
            violations.forEach(v -> array.add(new JsonObject().put("field", v.field()).put("message", v.message())));
            body.put("violations", array);
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store");
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (status == 503) {
            response.putHeader("Retry-After", "5");
        }
        response.end(body.encode());
    }

    private String title() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
