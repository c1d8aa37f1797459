package org.parley.events.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The listEvents filters. All given filters must hold (AND); each list matches any of its values
 * (OR). {@code dyad} holds exactly two actors that must both participate. {@code places} match an
 * event whose location OR any subject is at or under one of them in the place hierarchy.
 */
public record EventFilter(
        List<UUID> actors,
        List<UUID> dyad,
        List<String> codes,
        List<String> roots,
        List<Integer> quads,
        List<EventStatus> statuses,
        LocalDate from,
        LocalDate to,
        List<UUID> places,
        String text) {

    public static EventFilter none() {
        return new EventFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                List.of(), null);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
