package org.parley.gateway.graphql.model;

public enum EventOrder {
    START_DESC, START_ASC, RELEVANCE
}
