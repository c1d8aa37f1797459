package org.parley.gateway.graphql.model;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

public record Place(@Id @NonNull String id, @NonNull String name, PlaceKind kind, String countryCode,
        @Id String parentId, Double latitude, Double longitude, String status, LocalDate statusSince) {
}
