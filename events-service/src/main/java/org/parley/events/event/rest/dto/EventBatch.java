package org.parley.events.event.rest.dto;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bulk recording for importers: one transaction; items whose external id already exists are skipped. */
public final class EventBatch {

    private EventBatch() {
    }

    public record Request(@NotEmpty @Size(max = 1000) List<@NotNull @Valid EventInput> items) {
    }

    /** {@code ids} in request order: the new event's id, or null when the item was skipped. */
    public record Result(int inserted, int skipped, List<UUID> ids) {
    }
}
