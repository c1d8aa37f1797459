package org.parley.gateway.graphql;

import java.util.List;
import java.util.concurrent.CompletionStage;

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

import graphql.schema.DataFetchingEnvironment;
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

    public EventDetails(EventTypesByCode types, PlacesById places, EventsById events) {
        this.types = types;
        this.places = places;
        this.events = events;
    }

    // The schema's declarations; LoaderFetchers answers them with the fetches below.

    @Name("type")
    public Uni<EventType> type(@Source Event event) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("location")
    public Uni<Place> location(@Source Event event) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("subjects")
    public Uni<List<@NonNull Place>> subjects(@Source Event event) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("parent")
    public Uni<Place> parent(@Source Place place) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("event")
    public Uni<Event> relatedEvent(@Source RelatedEvent related) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    CompletionStage<EventType> typeOf(DataFetchingEnvironment field) {
        Event event = field.getSource();
        return types.load(field, event.code()).thenApply(known -> known != null ? Mapping.eventType(known)
                // Codes outside the catalogue (new CAMEO codes) still get what the event itself knows.
                : new EventType(event.code(), event.code(), event.rootCode() == null ? "" : event.rootCode(),
                        event.quadClass() == null ? 0 : event.quadClass(), event.goldstein()));
    }

    CompletionStage<Place> locationOf(DataFetchingEnvironment field) {
        return place(field, field.<Event> getSource().locationId());
    }

    CompletionStage<List<Place>> subjectsOf(DataFetchingEnvironment field) {
        return places.loadMany(field, Mapping.nonNull(field.<Event> getSource().subjectIds()))
                .thenApply(list -> list.stream().map(Mapping::place).toList());
    }

    CompletionStage<Place> parentOf(DataFetchingEnvironment field) {
        return place(field, field.<Place> getSource().parentId());
    }

    CompletionStage<Event> relatedEventOf(DataFetchingEnvironment field) {
        return events.load(field, field.<RelatedEvent> getSource().eventId()).thenApply(Mapping::event);
    }

    private CompletionStage<Place> place(DataFetchingEnvironment field, String id) {
        return places.load(field, id).thenApply(Mapping::place);
    }
}
