package org.parley.events.event.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.parley.events.event.RelationKind;

/** "this event {kind} eventId": FOLLOWS, RESPONDS_TO or PART_OF another event. */
public record LinkInput(@NotNull RelationKind kind, @NotNull UUID eventId) {
}
