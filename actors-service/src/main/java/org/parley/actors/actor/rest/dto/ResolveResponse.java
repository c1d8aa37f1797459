package org.parley.actors.actor.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResolveResponse")
public record ResolveResponse(@Schema(description = "In request order") List<ResolvedActor> items) {
}
