package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.NonNull;

public record EventEdge(@NonNull String cursor, @NonNull Event node) {
}
