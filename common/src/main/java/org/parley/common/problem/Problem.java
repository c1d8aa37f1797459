package org.parley.common.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error both services return, with the offending
 * fields for bad input. Registered for reflection because the mappers return it inside a plain
 * Response, where the native build cannot see it in any resource signature.
 */
@RegisterForReflection(targets = {Problem.class, Problem.Violation.class})
@Schema(name = "Problem")
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "Violation")
    public record Violation(String field, String message) {
    }
}
