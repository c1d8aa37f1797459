package org.parley.actors.relationship;

public enum RelationshipType {
    HOLDS_OFFICE_IN, MEMBER_OF, REPRESENTS, RELATIVE_OF
}
