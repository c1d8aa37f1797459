package org.parley.gateway.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;
import org.parley.gateway.graphql.model.Event;
import org.parley.gateway.graphql.model.EventType;
import org.parley.gateway.graphql.model.Place;
import org.parley.gateway.graphql.model.RelatedEvent;

import io.smallrye.mutiny.Uni;

/**
 * Fields of events that point at other events-service records (type, location, subjects, parent
 * places, related events). Batched so a page of N events costs one places call and one events call
 * per nesting level, not N (N+1).
 */
@GraphQLApi
public class EventDetails {

    private final EventsClient events;

    public EventDetails(EventsClient events) {
        this.events = events;
    }

    @Name("type")
    public Uni<List<EventType>> types(@Source List<Event> sources) {
        return Batches.guard(sources.size(), events.eventTypes().map(catalogue -> {
            Map<String, EventsModel.EventType> byCode = catalogue.stream()
                    .collect(Collectors.toMap(EventsModel.EventType::code, Function.identity(), (x, y) -> x));
            return sources.stream().map(e -> {
                EventsModel.EventType known = byCode.get(e.code());
                // Codes outside the catalogue (new CAMEO codes) still get what the event itself knows.
                return known != null ? Mapping.eventType(known)
                        : new EventType(e.code(), e.code(), e.rootCode() == null ? "" : e.rootCode(),
                                e.quadClass() == null ? 0 : e.quadClass(), e.goldstein());
            }).toList();
        }));
    }

    @Name("location")
    public Uni<List<Place>> locations(@Source List<Event> sources) {
        return Batches.one(sources, Event::locationId, events::findPlacesByIds, Mapping::place);
    }

    @Name("subjects")
    public Uni<List<List<@NonNull Place>>> subjects(@Source List<Event> sources) {
        return Batches.many(sources, e -> Mapping.nonNull(e.subjectIds()), events::findPlacesByIds, Mapping::place);
    }

    @Name("parent")
    public Uni<List<Place>> parents(@Source List<Place> sources) {
        return Batches.one(sources, Place::parentId, events::findPlacesByIds, Mapping::place);
    }

    @Name("event")
    public Uni<List<Event>> relatedEvents(@Source List<RelatedEvent> sources) {
        return Batches.one(sources, RelatedEvent::eventId, events::findEventsByIds, Mapping::event);
    }
}
