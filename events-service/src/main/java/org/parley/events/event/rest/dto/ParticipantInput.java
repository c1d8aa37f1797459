package org.parley.events.event.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.parley.events.event.Role;

public record ParticipantInput(@NotNull UUID actorId, @NotNull Role role) {
}
