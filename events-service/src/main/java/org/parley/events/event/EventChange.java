package org.parley.events.event;

/** What happened to an event; the SSE event name and the NOTIFY payload's {@code change}. */
public enum EventChange { RECORDED, UPDATED, DELETED }
