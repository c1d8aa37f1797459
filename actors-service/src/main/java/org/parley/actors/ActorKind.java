package org.parley.actors;

public enum ActorKind {
    PERSON, STATE, ORGANIZATION, GROUP
}
