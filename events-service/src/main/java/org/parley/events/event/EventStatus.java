package org.parley.events.event;

public enum EventStatus { OCCURRED, ANNOUNCED, SCHEDULED, CANCELLED }
