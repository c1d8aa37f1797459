package org.parley.events.place.rest.dto;

import java.time.LocalDate;
import java.util.UUID;

import org.parley.events.place.Place;

public record PlaceDto(UUID id, String name, Place.Kind kind, String countryCode, UUID parentId,
        Double latitude, Double longitude, String status, LocalDate statusSince, long version) {

    public static PlaceDto of(Place p) {
        return new PlaceDto(p.id, p.name, p.kind, p.countryCode, p.parentId, p.latitude, p.longitude,
                p.status, p.statusSince, p.version);
    }
}
