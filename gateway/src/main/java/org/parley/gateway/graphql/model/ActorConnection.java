package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

public record ActorConnection(@NonNull List<@NonNull ActorEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {
}
