package org.parley.events.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.parley.common.idempotency.IdempotencyException;

import io.vertx.pgclient.PgException;

/**
 * Turns every failure into application/problem+json. Messages are written for the caller: they
 * name the field and what is expected, never a Java class or a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** PostgreSQL's query_canceled, which statement_timeout raises. */
    private static final String QUERY_CANCELED = "57014";

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .collect(Collectors.toCollection(ArrayList::new));
        return respond(ApiException.badRequest(violations).toProblem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(fromJson(e).toProblem());
    }

    // Quarkus ships mappers for these subtypes; the most specific type wins, so they are named here.
    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonParse(com.fasterxml.jackson.core.JsonParseException e) {
        return json(e);
    }

    /** A JSON body that cannot be read as the expected type, as a 400 naming the field. */
    public static ApiException fromJson(JsonProcessingException e) {
        String field = "body";
        String message = "malformed JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = jsonPath(mapping.getPath());
            message = "invalid value";
            if (e instanceof InvalidFormatException invalid) {
                Class<?> target = invalid.getTargetType();
                if (target != null && target.isEnum()) {
                    message = "unknown value '" + invalid.getValue() + "', expected one of "
                            + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                                    .collect(Collectors.joining(", "));
                } else {
                    message = "cannot read '" + invalid.getValue() + "' as " + describe(target);
                }
            } else if (e instanceof MismatchedInputException mismatched) {
                message = "expected " + describe(mismatched.getTargetType());
            }
        }
        return ApiException.badRequest(field, message);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Error" : info.getReasonPhrase();
        String detail = status == 404 ? "no such resource"
                : status == 405 ? "method not allowed on this resource"
                : status == 415 ? "send application/json"
                : status == 406 ? "this resource does not produce the requested media type"
                : title;
        if (status == 400 && e.getCause() != null) {
            detail = "malformed request: a parameter or the body could not be read";
        }
        return respond(Problem.of(status, title, detail));
    }

    /** A malformed Idempotency-Key is bad input on that header; a reused or busy key has its own type. */
    @ServerExceptionMapper
    public Response idempotency(IdempotencyException e) {
        if (e.reason() == IdempotencyException.Reason.INVALID_KEY) {
            return respond(ApiException.badRequest(e.field(), e.getMessage()).toProblem());
        }
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), List.of()));
    }

    /** statement_timeout (parley.db.statement-timeout) cancelled a statement through Hibernate (places). */
    @ServerExceptionMapper
    public Response queryTimeout(jakarta.persistence.QueryTimeoutException e) {
        return statementTimeout();
    }

    @ServerExceptionMapper
    public Response database(PgException e) {
        if (QUERY_CANCELED.equals(e.getSqlState())) {
            return statementTimeout();
        }
        // Constraint races the explicit checks cannot see (two writers at once) are conflicts.
        if ("23505".equals(e.getSqlState()) || "23503".equals(e.getSqlState())) {
            return respond(Problem.of(409, "Conflict", "the change conflicts with the current data; reload and retry"));
        }
        LOG.error("database failure", e);
        return respond(Problem.of(500, "Internal Server Error", "the request could not be completed"));
    }

    /** Two writers of one place at the same version: Hibernate's version check lets only one through. */
    @ServerExceptionMapper
    public Response staleEntity(jakarta.persistence.OptimisticLockException e) {
        return respond(Problem.of(409, "Conflict", "the resource was changed meanwhile; reload and retry"));
    }

    @ServerExceptionMapper
    public Response staleState(org.hibernate.StaleStateException e) {
        return staleEntity(null);
    }

    @ServerExceptionMapper
    public Response entityConstraint(org.hibernate.exception.ConstraintViolationException e) {
        return respond(Problem.of(409, "Conflict", "the change conflicts with the current data; reload and retry"));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "the request could not be completed"));
    }

    /** The database gave up (and rolled back): retrying may help, so 503 with Retry-After, never SQL text. */
    private static Response statementTimeout() {
        return Response.fromResponse(respond(new Problem("urn:parley:problem:timeout", "Service Unavailable", 503,
                "the database did not answer in time; nothing was changed, retry later", List.of())))
                .header("Retry-After", "1").build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "recordEvent.input.participants[0].role" → "participants[0].role" (method and body parameter dropped). */
    static String fieldPath(ConstraintViolation<?> v) {
        List<Path.Node> nodes = new ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            // query and path parameters are parsed by hand (Params): a parameter here is the body
            if (node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different JSON type";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 instant (2025-11-26T10:00:00Z)";
            case "Long", "long", "Integer", "int" -> "an integer";
            case "Double", "double" -> "a number";
            case "String" -> "a string";
            case "List", "ArrayList" -> "a JSON array";
            case "Map", "LinkedHashMap" -> "a JSON object";
            default -> "a JSON object";
        };
    }
}
