package org.parley.events.event.rest.dto;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bulk recording for importers: one transaction; items whose external ids are already stored are skipped. */
public final class EventBatch {

    private EventBatch() {
    }

    /**
     * {@code mergeStories}: reports of one story (same day, code, place and ordered participants) become one
     * event, across batches too — an item is merged into the story's stored event (events-service README).
     */
    public record Request(@NotEmpty @Size(max = 1000) List<@NotNull @Valid EventInput> items, Boolean mergeStories) {

        public boolean mergingStories() {
            return Boolean.TRUE.equals(mergeStories);
        }
    }

    /**
     * {@code ids} in request order: the event that holds the item (new, or the story it was merged into), or
     * null when the item was skipped. {@code inserted}: new events; {@code merged}: items merged into a story's
     * event (stored before, or new in this batch); {@code skipped}: items whose external ids were all stored.
     */
    public record Result(int inserted, int merged, int skipped, List<UUID> ids) {
    }
}
