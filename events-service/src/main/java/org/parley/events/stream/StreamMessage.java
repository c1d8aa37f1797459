package org.parley.events.stream;

import java.util.UUID;

import org.parley.events.event.Event;
import org.parley.events.event.EventChange;
import org.parley.events.event.repository.EventRepository.LoggedChange;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One SSE data item; {@code seq} is its position in the change log (also the SSE id);
 * {@code event} is null for DELETED (and when the event is gone by the time it is read).
 */
// serialised inside OutboundSseEvent, which the native build cannot trace
@RegisterForReflection(targets = { StreamMessage.class, Event.class, Event.Participant.class, Event.Source.class, Event.RelatedLink.class })
public record StreamMessage(long seq, EventChange change, UUID id, Event event) {

    static StreamMessage of(LoggedChange logged) {
        return new StreamMessage(logged.seq(), logged.change(), logged.id(), logged.event());
    }
}
