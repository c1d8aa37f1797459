package org.parley.gateway.graphql.model;

public enum Direction {
    OUTGOING, INCOMING
}
