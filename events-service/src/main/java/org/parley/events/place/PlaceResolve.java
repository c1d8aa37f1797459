package org.parley.events.place;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;


/** Bulk "key → place id, creating what is missing" for importers (GDELT feature ids). */
public final class PlaceResolve {

    private PlaceResolve() {
    }

    public record Request(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Item> items) {
    }

    public record Item(
            @NotBlank @Size(max = 300) @Pattern(regexp = "[a-z0-9-]+:.+", message = "must be 'system:value', e.g. gdelt-feature:-1044367")
            String key,
            @NotBlank @Size(max = 300) String name,
            @NotNull Place.Kind kind,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as UKR") String countryCode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    public record Result(List<Resolved> items) {
    }

    public record Resolved(UUID id, boolean created) {
    }
}
