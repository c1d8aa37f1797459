package org.parley.gateway.graphql.model;

public record QuadCount(int quadClass, int count) {
}
