package org.parley.gateway.graphql.model;

public enum ParticipantRole {
    SOURCE, TARGET, HOST, ATTENDEE, MEDIATOR
}
