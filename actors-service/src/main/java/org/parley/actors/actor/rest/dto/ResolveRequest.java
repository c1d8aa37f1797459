package org.parley.actors.actor.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResolveRequest")
public record ResolveRequest(@NotNull @Size(max = 1000) List<@NotNull @Valid ResolveItem> items) {
}
