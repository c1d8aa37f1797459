package org.parley.actors.relationship;

public enum RelationshipType {
    HOLDS_OFFICE_IN, MEMBER_OF, REPRESENTS, RELATIVE_OF,
    /** From a sector (USAGOV, "United States — Government") to its state; the importer adds it on resolve. */
    SECTOR_OF
}
