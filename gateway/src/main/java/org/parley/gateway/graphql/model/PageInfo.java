package org.parley.gateway.graphql.model;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
