package org.parley.gateway.graphql.model;

public enum Interval {
    MONTH, WEEK, YEAR
}
