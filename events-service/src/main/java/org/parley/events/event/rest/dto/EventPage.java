package org.parley.events.event.rest.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.events.event.Event;

/**
 * One page; {@code nextCursor} goes into {@code after} for the next page, null on the last.
 * {@code totalCount} counts the matches up to the count limit (parley.events.count-limit, 10,000):
 * with more, it is the limit and {@code totalCountIsExact} is false ("10,000+"). Both are null when
 * the request said {@code count=false}.
 */
public record EventPage(List<Event> items, String nextCursor,
        @Schema(description = "Number of matches, at most the count limit (10,000 by default); null with count=false")
        Long totalCount,
        @Schema(description = "False when there are more matches than totalCount (the count stopped at its limit); null with count=false")
        Boolean totalCountIsExact) {
}
