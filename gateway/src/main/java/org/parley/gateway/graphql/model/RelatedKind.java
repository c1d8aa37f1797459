package org.parley.gateway.graphql.model;

public enum RelatedKind {
    FOLLOWS, RESPONDS_TO, PART_OF
}
