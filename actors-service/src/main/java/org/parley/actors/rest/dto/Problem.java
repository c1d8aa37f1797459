package org.parley.actors.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, with the offending fields for validation failures. */
@Schema(name = "Problem")
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    @Schema(name = "Violation")
    public record Violation(String field, String message) {
    }
}
