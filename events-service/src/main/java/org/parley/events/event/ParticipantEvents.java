package org.parley.events.event;

import java.util.List;
import java.util.UUID;


/**
 * One actor's most recent events (the gateway's batched Actor.events); totalCount and totalCountIsExact
 * null when not asked for. totalCount stops at the count limit (parley.events.count-limit, 10,000):
 * beyond it totalCountIsExact is false and totalCount is the limit.
 */
public record ParticipantEvents(UUID actorId, List<Event> items, Long totalCount, Boolean totalCountIsExact) {
}
