package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.NonNull;

public record EventType(@NonNull String code, @NonNull String name, @NonNull String rootCode, int quadClass,
        Double goldstein) {
}
