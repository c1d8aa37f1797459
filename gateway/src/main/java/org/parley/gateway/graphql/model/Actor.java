package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** relationships, events and counterparts are added by the batched resolvers. */
public record Actor(@Id @NonNull String id, @NonNull String name, @NonNull ActorKind kind,
        @NonNull List<@NonNull String> aliases, String country, String cameoCode, String wikidataId,
        String description, int version) {
}
