package org.parley.actors.actor;

public enum ActorKind {
    PERSON, STATE, ORGANIZATION, GROUP
}
