package org.parley.actors.actor.rest.dto;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResolvedActor")
public record ResolvedActor(UUID id, @Schema(description = "true when this call created the actor") boolean created) {
}
