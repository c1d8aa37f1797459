package org.parley.events.event;

import java.util.List;
import java.util.UUID;


/** One actor's most recent events (the gateway's batched Actor.events); totalCount null when not asked for. */
public record ParticipantEvents(UUID actorId, List<Event> items, Long totalCount) {
}
