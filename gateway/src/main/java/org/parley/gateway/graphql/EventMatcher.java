package org.parley.gateway.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.parley.gateway.graphql.model.Event;
import org.parley.gateway.graphql.model.EventFilter;
import org.parley.gateway.graphql.model.Participant;
import org.parley.gateway.graphql.model.Precision;

/**
 * EventFilter applied to one streamed event (subscriptions filter in the gateway; the upstream stream
 * carries everything). Places match the event's location or subjects directly (no hierarchy), text is
 * a case-insensitive substring of title or summary.
 */
final class EventMatcher {

    private EventMatcher() {
    }

    static Predicate<Event> of(EventFilter f) {
        if (f == null) {
            return e -> true;
        }
        List<String> actorIds = lower(Ids.requireAll("filter.actorIds", f.actorIds()));
        List<String> placeIds = lower(Ids.requireAll("filter.placeIds", f.placeIds()));
        String a = f.dyad() == null ? null : Ids.require("filter.dyad.a", f.dyad().a());
        String b = f.dyad() == null ? null : Ids.require("filter.dyad.b", f.dyad().b());
        String text = f.text() == null || f.text().isBlank() ? null : f.text().toLowerCase(Locale.ROOT);
        return e -> (empty(actorIds) || e.participants().stream().map(Participant::actorId).anyMatch(actorIds::contains))
                && (a == null || (hasParticipant(e, a) && hasParticipant(e, b)))
                && (empty(f.codes()) || f.codes().contains(e.code()))
                && (empty(f.rootCodes()) || f.rootCodes().contains(e.rootCode()))
                && (empty(f.quadClasses()) || f.quadClasses().contains(e.quadClass()))
                && (empty(f.statuses()) || f.statuses().contains(e.status()))
                && (empty(placeIds) || placeIds.contains(e.locationId())
                        || e.subjectIds().stream().anyMatch(placeIds::contains))
                && overlaps(e, f.from(), f.to())
                && (text == null || contains(e.title(), text) || contains(e.summary(), text));
    }

    private static boolean hasParticipant(Event e, String actorId) {
        return e.participants().stream().anyMatch(p -> actorId.equals(p.actorId()));
    }

    private static boolean overlaps(Event e, LocalDate from, LocalDate to) {
        if (e.start() == null || (from == null && to == null)) {
            return true;
        }
        LocalDate end = e.end() != null ? e.end() : lastDay(e.start(), e.precision());
        return (from == null || !end.isBefore(from)) && (to == null || !e.start().isAfter(to));
    }

    private static LocalDate lastDay(LocalDate start, Precision precision) {
        if (precision == null) {
            return start;
        }
        return switch (precision) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    private static boolean contains(String value, String lowerText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerText);
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static List<String> lower(List<String> ids) {
        return ids == null ? null : ids.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
