package org.parley.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import org.jboss.logging.Logger;
import org.parley.gateway.client.BackendException;

import graphql.GraphqlErrorException;

/**
 * The only exception the GraphQL layer lets reach SmallRye: its message is meant for clients (it is
 * on SmallRye's show-list) and its extensions carry {@code code} and, for backend failures,
 * {@code service} and {@code retryable}. Anything else becomes a generic INTERNAL_SERVER_ERROR.
 */
public final class GatewayError extends GraphqlErrorException {

    private static final Logger LOG = Logger.getLogger(GatewayError.class);

    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String CONFLICT = "CONFLICT";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String UPSTREAM_UNAVAILABLE = "UPSTREAM_UNAVAILABLE";
    public static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";
    /** A subscription's live updates had a gap that cannot be replayed: refetch, then subscribe again. */
    public static final String RESYNC_REQUIRED = "RESYNC_REQUIRED";

    private final String code;

    private GatewayError(Builder builder, String code) {
        super(builder);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static GatewayError of(String code, String message) {
        return of(code, message, Map.of());
    }

    /** Extension values are JSON values so SmallRye keeps their type (it stringifies anything else). */
    static GatewayError of(String code, String message, Map<String, JsonValue> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", Json.createValue(code));
        extensions.putAll(more);
        Builder builder = new Builder();
        builder.message(message).extensions(extensions);
        return new GatewayError(builder, code);
    }

    public static GatewayError badInput(String message) {
        return of(BAD_USER_INPUT, message);
    }

    /** Whatever went wrong, as a client may see it. */
    public static GatewayError from(Throwable failure) {
        if (failure instanceof GatewayError error) {
            return error;
        }
        if (failure instanceof BackendException backend) {
            return fromBackend(backend);
        }
        if (failure != null && failure.getCause() instanceof BackendException backend) {
            return fromBackend(backend);
        }
        LOG.error("Unexpected failure in the gateway", failure);
        return of(INTERNAL_SERVER_ERROR, "Internal error");
    }

    private static GatewayError fromBackend(BackendException e) {
        Map<String, JsonValue> more = new LinkedHashMap<>();
        more.put("service", Json.createValue(e.service()));
        more.put("retryable", e.retryable() ? JsonValue.TRUE : JsonValue.FALSE);
        List<BackendException.Violation> violations = e.violations();
        if (!violations.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (BackendException.Violation v : violations) {
                array.add(Json.createObjectBuilder().add("field", String.valueOf(v.field()))
                        .add("message", String.valueOf(v.message())));
            }
            more.put("violations", array.build());
        }
        return switch (e.kind()) {
            case UNAVAILABLE -> of(UPSTREAM_UNAVAILABLE, e.detail(), more);
            case BAD_INPUT -> of(BAD_USER_INPUT, e.detail(), more);
            case CONFLICT -> of(CONFLICT, e.detail(), more);
            case NOT_FOUND -> of(NOT_FOUND, e.detail(), more);
        };
    }

    /**
     * This error, for a creating write sent without an idempotency key: when the backend was
     * unavailable the write may still have been applied, so a retry (still {@code retryable}: it may
     * succeed) may apply it twice; {@code mayDuplicate} says so to programs.
     */
    GatewayError withoutIdempotencyKey() {
        if (!UPSTREAM_UNAVAILABLE.equals(code)) {
            return this;
        }
        Map<String, JsonValue> more = new LinkedHashMap<>();
        getExtensions().forEach((name, value) -> {
            if (!name.equals("code") && value instanceof JsonValue json) {
                more.put(name, json);
            }
        });
        more.put("mayDuplicate", JsonValue.TRUE);
        return of(code, getMessage() + "; the write may have been applied, and retrying it without an "
                + "idempotencyKey may apply it twice", more);
    }

    static final class Builder extends GraphqlErrorException.BuilderBase<Builder, GatewayError> {
        @Override
        public GatewayError build() {
            throw new UnsupportedOperationException("use GatewayError.of");
        }
    }
}
