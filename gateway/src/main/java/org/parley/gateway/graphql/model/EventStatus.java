package org.parley.gateway.graphql.model;

public enum EventStatus {
    OCCURRED, ANNOUNCED, SCHEDULED, CANCELLED
}
