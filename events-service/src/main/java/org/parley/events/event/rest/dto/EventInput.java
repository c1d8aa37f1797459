package org.parley.events.event.rest.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.parley.events.event.EventStatus;
import org.parley.events.event.Precision;
import org.parley.events.event.SourceInput;

/**
 * What a client sends to record or replace an event. {@code precision} defaults to DAY; {@code end}
 * is the inclusive last day. On PUT, {@code sources}, {@code externalIds} and {@code metrics} are
 * replaced only when present (they are usually appended by importers and addSource).
 */
public record EventInput(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20000) String summary,
        @NotBlank @Pattern(regexp = "\\d{2,4}", message = "must be a CAMEO event code such as 106") String code,
        @NotNull EventStatus status,
        @NotNull LocalDate start,
        LocalDate end,
        Precision precision,
        UUID locationId,
        @Size(max = 100) List<@NotNull UUID> subjectIds,
        @Size(max = 200) List<@NotNull @Valid ParticipantInput> participants,
        @Size(max = 200) List<@NotNull @Valid SourceInput> sources,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9-]+:\\S+", message = "must be 'system:value', e.g. gdelt:884849") @Size(max = 300) String> externalIds,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull Double> metrics,
        Long version) {

    public Precision precisionOrDay() {
        return precision == null ? Precision.DAY : precision;
    }

    public List<UUID> subjectIdsOrEmpty() {
        return subjectIds == null ? List.of() : subjectIds;
    }

    public List<ParticipantInput> participantsOrEmpty() {
        return participants == null ? List.of() : participants;
    }

    public List<String> externalIdsOrEmpty() {
        return externalIds == null ? List.of() : externalIds;
    }
}
