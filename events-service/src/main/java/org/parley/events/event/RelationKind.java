package org.parley.events.event;

public enum RelationKind { FOLLOWS, RESPONDS_TO, PART_OF }
