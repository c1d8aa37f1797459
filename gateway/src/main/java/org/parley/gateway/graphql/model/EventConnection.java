package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

public record EventConnection(@NonNull List<@NonNull EventEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {
}
