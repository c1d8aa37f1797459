package org.parley.events.event.rest.dto;

import java.util.List;

import org.parley.events.event.Event;

/**
 * One page; {@code nextCursor} goes into {@code after} for the next page, null on the last.
 * {@code totalCount} counts every match, null when the request said {@code count=false}.
 */
public record EventPage(List<Event> items, String nextCursor, Long totalCount) {
}
