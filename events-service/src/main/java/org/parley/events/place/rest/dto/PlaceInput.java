package org.parley.events.place.rest.dto;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.parley.events.place.Place;

public record PlaceInput(
        @NotBlank @Size(max = 300) String name,
        @NotNull Place.Kind kind,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as UKR") String countryCode,
        UUID parentId,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 2000) String status,
        LocalDate statusSince,
        Long version) {
}
