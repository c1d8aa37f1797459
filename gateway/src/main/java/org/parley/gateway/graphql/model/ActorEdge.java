package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.NonNull;

public record ActorEdge(@NonNull String cursor, @NonNull Actor node) {
}
