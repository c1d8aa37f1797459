package org.parley.gateway.graphql.model;

public enum Precision {
    DAY, WEEK, MONTH, YEAR
}
