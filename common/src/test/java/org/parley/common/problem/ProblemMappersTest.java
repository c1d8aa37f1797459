package org.parley.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import jakarta.validation.ConstraintViolationException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/** The one problem+json behaviour both services answer with. */
class ProblemMappersTest {

    record Item(@NotBlank String name) {
    }

    record Body(@NotBlank String title, @Size(max = 1) List<@NotBlank String> tags, List<@jakarta.validation.Valid Item> items) {
    }

    enum Colour { RED, GREEN }

    record Painted(Colour colour, UUID id) {
    }

    private final ProblemMappers mappers = new ProblemMappers(List.of(
            name -> "thing_code_key".equals(name)
                    ? Optional.of(new Problem.Violation("code", "is already used")) : Optional.empty()));

    private static Problem problemOf(Response response) {
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return (Problem) response.getEntity();
    }

    @Test
    void missingTokenIs401WithABearerChallenge() {
        Response response = mappers.mapAny(new CompletionException(new io.quarkus.security.UnauthorizedException()));
        assertEquals(401, response.getStatus());
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
        assertEquals(ProblemTypes.UNAUTHORIZED, problemOf(response).type());
    }

    @Test
    void tokenThatDoesNotVerifyIs401InvalidToken() {
        Response response = mappers.mapUnauthorized(new io.quarkus.security.AuthenticationFailedException("bad signature"));
        assertEquals(401, response.getStatus());
        assertEquals("Bearer error=\"invalid_token\"", response.getHeaderString("WWW-Authenticate"));
        Problem problem = problemOf(response);
        assertEquals(ProblemTypes.UNAUTHORIZED, problem.type());
        assertFalse(problem.detail().contains("bad signature"), problem.detail());
    }

    @Test
    void tokenWithoutTheRoleIs403() {
        Response response = mappers.mapAny(new io.quarkus.security.ForbiddenException());
        assertEquals(403, response.getStatus());
        assertEquals(ProblemTypes.FORBIDDEN, problemOf(response).type());
    }

    @Test
    void rendersBadInputWithTypeUriAndFieldColonMessageDetail() {
        Problem problem = problemOf(mappers.mapAny(ApiException.badRequest("limit", "must be a whole number from 1 to 100")));
        assertEquals(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                "limit: must be a whole number from 1 to 100",
                List.of(new Problem.Violation("limit", "must be a whole number from 1 to 100"))), problem);
    }

    @Test
    void reportsEveryBeanValidationViolationWithItsPathSorted() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Body body = new Body(" ", List.of("ok", ""), List.of(new Item("a"), new Item("")));
        Response response = mappers.mapValidation(new ConstraintViolationException(validator.validate(body)));
        Problem problem = problemOf(response);
        assertEquals(400, response.getStatus());
        assertEquals(List.of("items[1].name", "tags", "tags[1]", "title"),
                problem.violations().stream().map(Problem.Violation::field).toList());
        assertTrue(problem.detail().startsWith("items[1].name: "), problem.detail());
    }

    public static class Resource {
        public void create(@jakarta.validation.constraints.NotNull Body input) {
        }
    }

    @Test
    void reportsAMissingBodyAsTheFieldBodyWhateverTheParameterIsCalled() throws NoSuchMethodException {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        var violations = validator.forExecutables().validateParameters(new Resource(),
                Resource.class.getMethod("create", Body.class), new Object[] {null});
        Problem problem = problemOf(mappers.mapValidation(new ConstraintViolationException(violations)));
        assertEquals("body", problem.violations().get(0).field());
    }

    @Test
    void namesTheJsonFieldAndTheAllowedValuesOfAnEnum() {
        Exception e = assertThrowsJson("{\"colour\":\"BLUE\"}");
        Problem problem = problemOf(mappers.mapAny(e));
        assertEquals("colour", problem.violations().get(0).field());
        assertEquals("'BLUE' is not one of the allowed values: RED, GREEN", problem.violations().get(0).message());
    }

    @Test
    void answersMalformedJsonWithoutParserClassNames() {
        Problem problem = problemOf(mappers.mapAny(assertThrowsJson("{\"colour\": ")));
        assertEquals(ProblemTypes.MALFORMED_REQUEST, problem.type());
        assertEquals("Malformed JSON", problem.title());
        assertFalse(problem.detail().contains("fasterxml"), problem.detail());
    }

    @Test
    void mapsAConcurrentVersionBumpDetectedByHibernateTo409StaleVersionEvenWhenWrapped() {
        Response response = mappers.mapAny(new CompletionException(
                new StaleObjectStateException("org.parley.Thing", UUID.randomUUID())));
        assertEquals(409, response.getStatus());
        Problem problem = problemOf(response);
        assertEquals(ProblemTypes.STALE_VERSION, problem.type());
        assertFalse(problem.detail().contains("org."), problem.detail());
    }

    @Test
    void namesTheFieldOfAServiceKnownConstraintAndAnswersOthersWithAGenericConflict() {
        Problem known = problemOf(mappers.mapAny(new CompletionException(
                new org.hibernate.exception.ConstraintViolationException("dup", null, "thing_code_key"))));
        assertEquals(409, known.status());
        assertEquals(List.of(new Problem.Violation("code", "is already used")), known.violations());
        Problem unknown = problemOf(mappers.mapAny(
                new org.hibernate.exception.ConstraintViolationException("dup", null, "other_key")));
        assertEquals(409, unknown.status());
        assertEquals(ProblemTypes.CONFLICT, unknown.type());
        assertFalse(unknown.detail().contains("other_key"), unknown.detail());
    }

    @Test
    void keepsTheStatusOfAWebApplicationExceptionWithAProblemBody() {
        Problem problem = problemOf(mappers.mapWebApplication(new NotAllowedException("GET")));
        assertEquals(405, problem.status());
        assertEquals(ProblemTypes.HTTP, problem.type());
    }

    @Test
    void answersUnexpectedFailuresWithAGenericMessage() {
        Response response = mappers.mapAny(new IllegalStateException("org.parley.Secret exploded at line 3"));
        assertEquals(500, response.getStatus());
        Problem problem = problemOf(response);
        assertEquals(ProblemTypes.INTERNAL, problem.type());
        assertFalse(problem.detail().contains("Secret"), problem.detail());
        assertFalse(problem.detail().contains("Exception"), problem.detail());
    }

    @Test
    void answersAMissingVersionWith428NamingTheVersionField() {
        Problem problem = problemOf(mappers.mapAny(ApiException.preconditionRequired("send it")));
        assertEquals(428, problem.status());
        assertEquals(ProblemTypes.VERSION_REQUIRED, problem.type());
        assertEquals("version", problem.violations().get(0).field());
    }

    private static Exception assertThrowsJson(String json) {
        try {
            new ObjectMapper().readValue(json, Painted.class);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected " + json + " to be refused: " + Map.of());
    }
}
