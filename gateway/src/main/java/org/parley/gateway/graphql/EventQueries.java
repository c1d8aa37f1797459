package org.parley.gateway.graphql;

import java.util.List;
import java.util.Locale;

import org.parley.gateway.client.EventsModel;
import org.parley.gateway.graphql.model.EventFilter;
import org.parley.gateway.graphql.model.EventOrder;

/**
 * EventFilter (GraphQL) to the listEvents query parameters (REST). Public for the export endpoints
 * (export/), which take the same filter and must refuse the same input the same way.
 */
public final class EventQueries {

    private EventQueries() {
    }

    public static EventsModel.EventQuery of(EventFilter f, EventOrder order) {
        String sort = order == null ? null : order.name().toLowerCase(Locale.ROOT);
        if (f == null) {
            return new EventsModel.EventQuery(null, null, null, null, null, null, null, null, null, null, sort);
        }
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw GatewayError.badInput("filter.from must not be after filter.to");
        }
        String dyad = f.dyad() == null ? null
                : Ids.require("filter.dyad.a", f.dyad().a()) + "," + Ids.require("filter.dyad.b", f.dyad().b());
        if (f.quadClasses() != null && f.quadClasses().stream().anyMatch(q -> q == null || q < 1 || q > 4)) {
            throw GatewayError.badInput("filter.quadClasses must be between 1 and 4");
        }
        return new EventsModel.EventQuery(emptyToNull(Ids.requireAll("filter.actorIds", f.actorIds())), dyad,
                emptyToNull(f.codes()), emptyToNull(f.rootCodes()), emptyToNull(f.quadClasses()),
                f.statuses() == null || f.statuses().isEmpty() ? null
                        : f.statuses().stream().map(Enum::name).toList(),
                f.from(), f.to(), emptyToNull(Ids.requireAll("filter.placeIds", f.placeIds())),
                f.text() == null || f.text().isBlank() ? null : f.text(), sort);
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
