package org.parley.actors.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;
import org.parley.actors.rest.dto.Problem;

/** The paths of the mappers that the REST tests cannot provoke on demand. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void mapsAConcurrentVersionBumpDetectedByHibernateTo409EvenWhenWrapped() {
        Response response = mappers.mapAny(new CompletionException(
                new StaleObjectStateException("org.parley.actors.Actor", UUID.randomUUID())));
        assertEquals(409, response.getStatus());
        assertEquals(ProblemMappers.PROBLEM_JSON, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(ProblemTypes.STALE_VERSION, problem.type());
        assertFalse(problem.detail().contains("org."), problem.detail());
    }

    @Test
    void answersUnexpectedFailuresWithAGenericMessage() {
        Response response = mappers.mapAny(new IllegalStateException("org.parley.actors.Secret exploded at line 3"));
        assertEquals(500, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals(ProblemTypes.INTERNAL, problem.type());
        assertFalse(problem.detail().contains("Secret"), problem.detail());
        assertFalse(problem.detail().contains("Exception"), problem.detail());
    }
}
