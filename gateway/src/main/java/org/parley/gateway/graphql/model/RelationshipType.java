package org.parley.gateway.graphql.model;

public enum RelationshipType {
    HOLDS_OFFICE_IN, MEMBER_OF, REPRESENTS, RELATIVE_OF,
    /** A sector of a state ("United States — Government" of "United States"), from GDELT's composite CAMEO codes. */
    SECTOR_OF
}
