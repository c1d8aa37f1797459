package org.parley.gateway.graphql.model;

public enum PlaceKind {
    COUNTRY, REGION, CITY, TERRITORY
}
