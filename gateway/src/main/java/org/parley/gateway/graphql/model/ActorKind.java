package org.parley.gateway.graphql.model;

public enum ActorKind {
    PERSON, STATE, ORGANIZATION, GROUP
}
