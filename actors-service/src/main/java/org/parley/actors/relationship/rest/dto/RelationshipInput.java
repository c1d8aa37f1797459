package org.parley.actors.relationship.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.actors.relationship.RelationshipType;

@Schema(name = "RelationshipInput")
public record RelationshipInput(
        @NotNull(message = "is required: one of HOLDS_OFFICE_IN, MEMBER_OF, REPRESENTS, RELATIVE_OF, SECTOR_OF") RelationshipType type,
        @Size(max = 200) String title,
        @NotNull UUID toId,
        @Schema(description = "yyyy-mm-dd") LocalDate since,
        @Schema(description = "yyyy-mm-dd, not before since") LocalDate until) {
}
