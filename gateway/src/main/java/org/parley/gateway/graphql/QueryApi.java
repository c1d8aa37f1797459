package org.parley.gateway.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.ActorsModel;
import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.ActorConnection;
import org.parley.gateway.graphql.model.ActorEdge;
import org.parley.gateway.graphql.model.ActorFilter;
import org.parley.gateway.graphql.model.Dyad;
import org.parley.gateway.graphql.model.Event;
import org.parley.gateway.graphql.model.EventConnection;
import org.parley.gateway.graphql.model.EventEdge;
import org.parley.gateway.graphql.model.EventFilter;
import org.parley.gateway.graphql.model.EventOrder;
import org.parley.gateway.graphql.model.EventType;
import org.parley.gateway.graphql.model.Interval;
import org.parley.gateway.graphql.model.Place;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.mutiny.Uni;

/**
 * The root queries. Every field is nullable on purpose: a backend that fails nulls only what depends on
 * it (see the README's "Failure" section).
 */
@GraphQLApi
public class QueryApi {

    private final ActorsClient actors;
    private final EventsClient events;
    private final Access access;
    private final int maxPageSize;

    public QueryApi(ActorsClient actors, EventsClient events, Access access, GatewayConfig config) {
        this.actors = actors;
        this.events = events;
        this.access = access;
        this.maxPageSize = config.maxPageSize();
    }

    // The schema's declarations; LoaderFetchers answers them with the fetches below (arguments as SmallRye
    // converts them, in declaration order), without SmallRye's Uni data fetcher: per root field that one clones the
    // request's SmallRye context and builds the whole selection as JSON twice, switches the request context and
    // chains the Uni three more times, ~5 % of a page request's CPU over fast backends (benchmark 6).

    @Query
    @Description("An actor by id; null when unknown")
    public Uni<Actor> actor(@Id @NonNull String id) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Query
    @Description("Actors by name/alias text, kind and country, ordered by name")
    public Uni<ActorConnection> actors(ActorFilter filter, @DefaultValue("20") Integer first, String after) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Query
    @Description("An event by id; null when unknown")
    public Uni<Event> event(@Id @NonNull String id) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Query
    @Description("Events matching the filter; orderBy defaults to START_DESC, or RELEVANCE when filter.text is given")
    public Uni<EventConnection> events(EventFilter filter, @DefaultValue("20") Integer first, String after,
            EventOrder orderBy) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Query
    @Description("A place by id; null when unknown")
    public Uni<Place> place(@Id @NonNull String id) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Query
    @Description("How two actors dealt with each other over time: events per period, mean Goldstein, QuadClass counts")
    public Uni<Dyad> dyad(@Id @NonNull String a, @Id @NonNull String b, @DefaultValue("MONTH") Interval interval,
            LocalDate from, LocalDate to) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Query
    @Description("The CAMEO event catalogue, optionally one root code (e.g. \"04\")")
    public Uni<List<@NonNull EventType>> eventTypes(String rootCode) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    CompletionStage<Actor> actorOf(DataFetchingEnvironment field, List<Object> arguments) {
        String id = (String) arguments.get(0);
        return read(() -> actors.getActor(Ids.require("id", id)).map(Mapping::actor));
    }

    CompletionStage<ActorConnection> actorsOf(DataFetchingEnvironment field, List<Object> arguments) {
        ActorFilter filter = (ActorFilter) arguments.get(0);
        Integer first = (Integer) arguments.get(1);
        String after = (String) arguments.get(2);
        return read(() -> {
            int size = pageSize(first);
            Cursors.Position position = Cursors.decode(after);
            ActorsModel.ActorSearch search = filter == null ? new ActorsModel.ActorSearch(null, null, null)
                    : new ActorsModel.ActorSearch(blankToNull(filter.text()),
                            filter.kinds() == null || filter.kinds().isEmpty() ? null
                                    : filter.kinds().stream().map(Enum::name).toList(),
                            blankToNull(filter.country()));
            return actors.searchActors(search, Cursors.limit(position, size), position.backendCursor())
                    .map(page -> {
                        Cursors.Page<ActorsModel.Actor> cut = Cursors.page(position, page.items(), page.nextCursor(),
                                size);
                        return new ActorConnection(Cursors.edges(cut, (c, a) -> new ActorEdge(c, Mapping.actor(a))),
                                Cursors.pageInfo(cut), (int) page.totalCount());
                    });
        });
    }

    CompletionStage<Event> eventOf(DataFetchingEnvironment field, List<Object> arguments) {
        String id = (String) arguments.get(0);
        return read(() -> events.getEvent(Ids.require("id", id)).map(Mapping::event));
    }

    CompletionStage<EventConnection> eventsOf(DataFetchingEnvironment field, List<Object> arguments) {
        EventFilter filter = (EventFilter) arguments.get(0);
        Integer first = (Integer) arguments.get(1);
        String after = (String) arguments.get(2);
        EventOrder orderBy = (EventOrder) arguments.get(3);
        boolean count = TotalCounts.selectedHere(field);
        return read(() -> {
            int size = pageSize(first);
            Cursors.Position position = Cursors.decode(after);
            EventsModel.EventQuery plain = EventQueries.of(filter, orderBy);
            return Sectors.expand(actors, plain, filter)
                    .flatMap(query -> events.listEvents(query, Cursors.limit(position, size), position.backendCursor(), count))
                    .map(page -> {
                        Cursors.Page<EventsModel.Event> cut = Cursors.page(position, page.items(), page.nextCursor(),
                                size);
                        return new EventConnection(Cursors.edges(cut, (c, e) -> new EventEdge(c, Mapping.event(e))),
                                Cursors.pageInfo(cut),
                                Mapping.totalCount(page.totalCount()), Mapping.totalCountIsExact(page.totalCountIsExact()));
                    });
        });
    }

    CompletionStage<Place> placeOf(DataFetchingEnvironment field, List<Object> arguments) {
        String id = (String) arguments.get(0);
        return read(() -> events.getPlace(Ids.require("id", id)).map(Mapping::place));
    }

    CompletionStage<Dyad> dyadOf(DataFetchingEnvironment field, List<Object> arguments) {
        String a = (String) arguments.get(0);
        String b = (String) arguments.get(1);
        Interval interval = (Interval) arguments.get(2);
        LocalDate from = (LocalDate) arguments.get(3);
        LocalDate to = (LocalDate) arguments.get(4);
        return read(() -> {
            String idA = Ids.require("a", a);
            String idB = Ids.require("b", b);
            Interval chosen = interval == null ? Interval.MONTH : interval;
            if (from != null && to != null && from.isAfter(to)) {
                throw GatewayError.badInput("from must not be after to");
            }
            return events.dyadStats(idA, idB, chosen.name().toLowerCase(java.util.Locale.ROOT), from, to)
                    .map(stats -> new Dyad(idA, idB, chosen,
                            Mapping.nonNull(stats.series()).stream().map(Mapping::period).toList()));
        });
    }

    CompletionStage<List<EventType>> eventTypesOf(DataFetchingEnvironment field, List<Object> arguments) {
        String rootCode = (String) arguments.get(0);
        return read(() -> (rootCode == null ? events.eventTypes() : events.eventTypes(rootCode))
                .map(types -> types.stream().map(Mapping::eventType).toList()));
    }

    private int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > maxPageSize) {
            throw GatewayError.badInput("first must be between 0 and " + maxPageSize);
        }
        return size;
    }

    /** Subscribed now, as SmallRye's fetcher subscribed the resolver's Uni: the backend call starts with the field. */
    private <T> CompletionStage<T> read(Supplier<Uni<T>> query) {
        return UniFutures.of(access.asReader(query), GatewayError::from);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
