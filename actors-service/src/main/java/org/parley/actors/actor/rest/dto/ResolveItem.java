package org.parley.actors.actor.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.actors.actor.ActorKind;
import org.parley.actors.validation.IsoCountry;

/** One (CAMEO code, name) pair an importer wants an actor id for. */
@Schema(name = "ResolveItem")
public record ResolveItem(
        @Pattern(regexp = "^[A-Z0-9]{3,30}$", message = "must be a CAMEO actor code: 3 to 30 upper-case letters or digits, e.g. RUSGOV")
        String cameoCode,
        @NotBlank @Size(max = 300) String name,
        @IsoCountry String country,
        @Schema(description = "Used only when the actor is created; default STATE for a bare country code, else GROUP")
        ActorKind kind,
        @Pattern(regexp = "^[A-Z0-9]{3,30}$", message = "must be a CAMEO actor code, e.g. USA")
        @Schema(description = "The CAMEO code of the state this actor is a sector of (USAGOV of USA): resolve adds a "
                + "SECTOR_OF relationship, once, to the actor of the first item of this request with that code, "
                + "else to the oldest STATE with it (none: no relationship)")
        String sectorOf) {
}
