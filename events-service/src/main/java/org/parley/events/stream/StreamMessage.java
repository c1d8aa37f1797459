package org.parley.events.stream;

import java.util.UUID;

import org.parley.events.event.Event;
import org.parley.events.event.EventChange;

/** One SSE data item; {@code event} is null for DELETED (and when the event is gone by the time it is read). */
public record StreamMessage(EventChange change, UUID id, Event event) {
}
