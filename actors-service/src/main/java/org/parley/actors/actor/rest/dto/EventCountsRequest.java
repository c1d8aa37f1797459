package org.parley.actors.actor.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /actors/event-counts: how many events each actor takes part in, as events-service counts them. */
@Schema(name = "EventCountsRequest")
public record EventCountsRequest(@NotNull @Size(max = 1000) List<@NotNull @Valid Item> items) {

    @Schema(name = "EventCount")
    public record Item(@NotNull UUID id, @NotNull @PositiveOrZero Long count) {
    }
}
