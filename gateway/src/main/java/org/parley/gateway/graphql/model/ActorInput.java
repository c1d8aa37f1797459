package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Mirrors actors-service's ActorInput (the version travels as its own argument on update). */
@Input("ActorInput")
public record ActorInput(@NonNull ActorKind kind, @NonNull String name, List<String> aliases, String country,
        String cameoCode, String wikidataId, String description) {
}
