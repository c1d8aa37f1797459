package org.parley.actors.rest.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, with the offending fields for validation failures. Registered for
 * reflection because exception mappers return it inside a plain Response, where the native build
 * cannot see it in any resource signature.
 */
@RegisterForReflection(targets = {Problem.class, Problem.Violation.class})
@Schema(name = "Problem")
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    @Schema(name = "Violation")
    public record Violation(String field, String message) {
    }
}
