package org.parley.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.parley.common.idempotency.IdempotencyException;
import org.parley.common.input.RejectedValueException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into application/problem+json, the same way in both services. Messages are
 * written for API clients: they name fields and allowed values, never Java classes, and unexpected
 * failures get a generic text (the details go to the log).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** PostgreSQL's query_canceled, which statement_timeout raises. */
    private static final String QUERY_CANCELED = "57014";

    private final List<ConstraintConflicts> conflicts;

    @Inject
    public ProblemMappers(Instance<ConstraintConflicts> conflicts) {
        this(conflicts.stream().toList());
    }

    public ProblemMappers(List<ConstraintConflicts> conflicts) {
        this.conflicts = List.copyOf(conflicts);
    }

    @ServerExceptionMapper
    public Response mapApi(ApiException e) {
        return respond(e.toProblem());
    }

    /**
     * No identity where one is needed (401), or a token that does not verify (401 with
     * {@code error="invalid_token"}, RFC 6750): the services run with quarkus.http.auth.proactive=false,
     * so authentication happens in the REST pipeline and its failures reach these mappers.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response mapUnauthorized(RuntimeException e) {
        boolean invalidToken = e instanceof AuthenticationFailedException;
        String detail = invalidToken
                ? "The bearer token is invalid or expired (signature, issuer, audience or expiry)."
                : "This operation needs a bearer token (Authorization: Bearer ...).";
        return Response.fromResponse(problem(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, List.of()))
                .header("WWW-Authenticate", invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer").build();
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e) {
        return problem(403, ProblemTypes.FORBIDDEN, "Forbidden",
                "The bearer token does not carry a role this operation needs.", List.of());
    }

    @ServerExceptionMapper({ValidationException.class, ConstraintViolationException.class})
    public Response mapValidation(ValidationException e) {
        if (e instanceof ConstraintViolationException cve && !isReturnValueViolation(cve)) {
            List<Problem.Violation> violations = cve.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                    .toList();
            return mapApi(ApiException.badRequest(violations));
        }
        return internalError(e);
    }

    // Quarkus ships mappers for several of these subtypes; the most specific type wins, so all are named.
    @ServerExceptionMapper({JsonProcessingException.class, StreamReadException.class, JsonParseException.class,
            DatabindException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class,
            InvalidDefinitionException.class, RejectedValueException.class})
    public Response mapJson(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException) {
            return internalError(e); // our mapping is broken, not the client's JSON
        }
        if (e instanceof RejectedValueException rejected) {
            return mapApi(ApiException.badRequest(pathOf(rejected.getPath()), rejected.reason()));
        }
        if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            return mapApi(ApiException.badRequest(pathOf(mie.getPath()), describeMismatch(mie)));
        }
        if (e instanceof ValueInstantiationException vie && !vie.getPath().isEmpty()) {
            return mapApi(ApiException.badRequest(pathOf(vie.getPath()), "has an invalid value"));
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return problem(400, ProblemTypes.MALFORMED_REQUEST, "Malformed JSON",
                "The request body is not valid JSON for this operation" + where + ".", List.of());
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e) {
        // Quarkus REST reports unparsable bodies as a 400 wrapping the parser's exception.
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return mapJson(jpe);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "A parameter or the body could not be read.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 406 -> "This resource does not produce the requested media type.";
            case 415 -> "Send the request body as application/json.";
            default -> title + ".";
        };
        String problemType = status == 404 ? ProblemTypes.NOT_FOUND : ProblemTypes.HTTP;
        return problem(status, problemType, title, detail, List.of());
    }

    /** Everything else, including known exceptions that arrive wrapped by the reactive pipeline. */
    @ServerExceptionMapper
    public Response mapAny(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Response mapped = mapKnown(t);
            if (mapped != null) {
                return mapped;
            }
        }
        return internalError(e);
    }

    private Response mapKnown(Throwable t) {
        if (t instanceof ApiException api) {
            return mapApi(api);
        }
        if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
            return mapUnauthorized((RuntimeException) t);
        }
        if (t instanceof ForbiddenException forbidden) {
            return mapForbidden(forbidden);
        }
        if (t instanceof ValidationException ve) {
            return mapValidation(ve);
        }
        if (t instanceof IdempotencyException ie) {
            return ie.reason() == IdempotencyException.Reason.INVALID_KEY
                    ? mapApi(ApiException.badRequest(ie.field(), ie.getMessage()))
                    : problem(ie.status(), ie.type(), ie.title(), ie.getMessage(), List.of());
        }
        if (t instanceof PgException pg && QUERY_CANCELED.equals(pg.getSqlState())
                || t instanceof java.sql.SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())
                || t instanceof jakarta.persistence.QueryTimeoutException) {
            // statement_timeout (parley.db.statement-timeout): the database gave up and rolled back
            return Response.fromResponse(problem(503, ProblemTypes.TIMEOUT, "Service Unavailable",
                    "The database did not answer in time; nothing was changed. Retry later.", List.of()))
                    .header("Retry-After", "1").build();
        }
        if (t instanceof JsonProcessingException jpe) {
            return mapJson(jpe);
        }
        if (t instanceof WebApplicationException wae) {
            return mapWebApplication(wae);
        }
        if (t instanceof StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
            // Hibernate's conditional UPDATE lost against a concurrent writer of the same version
            return mapApi(ApiException.staleVersion(
                    "Someone else changed this resource meanwhile; read it again and retry."));
        }
        if (t instanceof org.hibernate.exception.ConstraintViolationException hcve) {
            return conflictFor(hcve.getConstraintName());
        }
        if (t instanceof PgException pg && ("23505".equals(pg.getSqlState()) || "23503".equals(pg.getSqlState()))) {
            // unique or foreign key: a race the explicit checks cannot see (two writers at once)
            return conflictFor(pg.getConstraint());
        }
        return null;
    }

    private Response conflictFor(String constraint) {
        Optional<Problem.Violation> known = constraint == null ? Optional.empty()
                : conflicts.stream().map(c -> c.violationFor(constraint)).flatMap(Optional::stream).findFirst();
        return mapApi(known.map(v -> ApiException.conflict(v.field(), v.message()))
                .orElseGet(() -> ApiException.conflict(
                        "The change conflicts with the current data; read it again and retry.")));
    }

    private static boolean isReturnValueViolation(ConstraintViolationException e) {
        return e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * The client-facing path of a violation: "name", "aliases[0]", "items[3].name". Method and
     * parameter nodes are dropped: path, query and header values are parsed by hand ({@code Params}),
     * so a constraint on a parameter itself is one on the request body, reported as "body".
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable()) {
                    Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                    if (key != null) {
                        field.append('[').append(key).append(']');
                    }
                }
                if (kind == ElementKind.PROPERTY) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describeMismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        String given = e instanceof InvalidFormatException ife && ife.getValue() != null
                ? "'" + ife.getValue() + "' " : "";
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return given + "is not one of the allowed values: " + allowed;
        }
        if (target == UUID.class) {
            return given + "is not a UUID (expected e.g. 3f2b8c1e-6d4a-4f5b-9c2d-1a2b3c4d5e6f)";
        }
        if (target == LocalDate.class) {
            return given + "is not a date (expected yyyy-mm-dd)";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return given + "is not a timestamp (expected ISO 8601, e.g. 2025-11-26T10:00:00Z)";
        }
        return given + "has the wrong type: expected " + describeType(target);
    }

    private static String describeType(Class<?> target) {
        if (target == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static Response internalError(Throwable e) {
        LOG.error("Unexpected failure while handling a request", e);
        return problem(500, ProblemTypes.INTERNAL, "Internal Server Error",
                "The request could not be completed because of an internal error.", List.of());
    }

    private static Response problem(int status, String type, String title, String detail,
            List<Problem.Violation> violations) {
        return respond(new Problem(type, title, status, detail, violations));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
