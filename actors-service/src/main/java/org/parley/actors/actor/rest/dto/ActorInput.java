package org.parley.actors.actor.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.actors.actor.ActorKind;
import org.parley.actors.validation.IsoCountry;

/** What a client sends to create or replace an actor. */
@Schema(name = "ActorInput")
public record ActorInput(
        @NotNull(message = "is required: one of PERSON, STATE, ORGANIZATION, GROUP") ActorKind kind,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 100) List<@NotBlank @Size(max = 300) String> aliases,
        @IsoCountry String country,
        @Pattern(regexp = "^[A-Z0-9]{3,30}$", message = "must be a CAMEO actor code: 3 to 30 upper-case letters or digits, e.g. RUSGOV")
        String cameoCode,
        @Pattern(regexp = "^Q[0-9]+$", message = "must be a Wikidata QID such as Q7747") String wikidataId,
        @Size(max = 4000) String description,
        @Schema(description = "The version last read; required by PUT unless If-Match is sent")
        @PositiveOrZero Long version) {
}
