package org.parley.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.graphql.model.Event;
import org.parley.gateway.graphql.model.EventType;
import org.parley.gateway.graphql.model.Place;
import org.parley.gateway.graphql.model.RelatedEvent;
import org.parley.gateway.loaders.EventTypesByCode;
import org.parley.gateway.loaders.EventsById;
import org.parley.gateway.loaders.PlacesById;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * Fields of events that point at other events-service records (type, location, subjects, parent
 * places, related events). Through the loaders, so a page of N events costs one places call (location
 * and subjects together) and one events call per nesting level, not N (N+1).
 */
@GraphQLApi
public class EventDetails {

    private final EventTypesByCode types;
    private final PlacesById places;
    private final EventsById events;
    private final Context context;

    public EventDetails(EventTypesByCode types, PlacesById places, EventsById events, Context context) {
        this.types = types;
        this.places = places;
        this.events = events;
        this.context = context;
    }

    @Name("type")
    public Uni<EventType> type(@Source Event event) {
        return types.load(context, event.code()).map(known -> known != null ? Mapping.eventType(known)
                // Codes outside the catalogue (new CAMEO codes) still get what the event itself knows.
                : new EventType(event.code(), event.code(), event.rootCode() == null ? "" : event.rootCode(),
                        event.quadClass() == null ? 0 : event.quadClass(), event.goldstein()));
    }

    @Name("location")
    public Uni<Place> location(@Source Event event) {
        return place(event.locationId());
    }

    @Name("subjects")
    public Uni<List<@NonNull Place>> subjects(@Source Event event) {
        return places.loadMany(context, Mapping.nonNull(event.subjectIds()))
                .map(list -> list.stream().map(Mapping::place).toList());
    }

    @Name("parent")
    public Uni<Place> parent(@Source Place place) {
        return place(place.parentId());
    }

    @Name("event")
    public Uni<Event> relatedEvent(@Source RelatedEvent related) {
        return events.load(context, related.eventId()).map(e -> e == null ? null : Mapping.event(e));
    }

    private Uni<Place> place(String id) {
        return places.load(context, id).map(p -> p == null ? null : Mapping.place(p));
    }
}
