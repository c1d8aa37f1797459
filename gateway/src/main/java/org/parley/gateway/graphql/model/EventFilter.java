package org.parley.gateway.graphql.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** Filters combine with AND; the values of one list combine with OR. */
@Input("EventFilter")
public record EventFilter(
        @Description("Events with any of these actors as participant") @Id List<String> actorIds,
        @Description("Events between both actors of the pair") DyadFilter dyad,
        @Description("CAMEO event codes, e.g. 042") List<String> codes,
        @Description("CAMEO root codes, e.g. 04") List<String> rootCodes,
        @Description("QuadClass 1-4") List<Integer> quadClasses,
        List<EventStatus> statuses,
        @Description("The event's date range overlaps [from, to]") LocalDate from,
        LocalDate to,
        @Description("Located in (or under) any of these places") @Id List<String> placeIds,
        @Description("Full text over title, summary and quotes") String text,
        @Description("With actorIds (in Query.events): also events of those actors' sectors, e.g. the United States "
                + "and its government, military, police … (relationship SECTOR_OF)") Boolean includeSectors) {
}
