package org.parley.events.event;

/** A participant's part in an event; several participants may share a role. */
public enum Role { SOURCE, TARGET, HOST, ATTENDEE, MEDIATOR }
