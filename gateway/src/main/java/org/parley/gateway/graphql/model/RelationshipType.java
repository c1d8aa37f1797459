package org.parley.gateway.graphql.model;

public enum RelationshipType {
    HOLDS_OFFICE_IN, MEMBER_OF, REPRESENTS, RELATIVE_OF
}
