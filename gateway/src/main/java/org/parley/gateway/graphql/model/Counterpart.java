package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

public record Counterpart(@Id @NonNull String actorId, int count) {
}
