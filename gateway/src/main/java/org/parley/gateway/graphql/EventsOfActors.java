package org.parley.gateway.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.Counterpart;
import org.parley.gateway.graphql.model.EventConnection;
import org.parley.gateway.graphql.model.EventEdge;
import org.parley.gateway.graphql.model.EventFilter;
import org.parley.gateway.graphql.model.PageInfo;
import org.parley.gateway.loaders.ActorEvents;
import org.parley.gateway.loaders.CounterpartsOfActors;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.mutiny.Uni;

/**
 * The edge actors-service → events-service: an actor's events and counterparts.
 *
 * <p>
 * Why through loaders: a page of 100 actors each showing their latest events would otherwise cost 100
 * calls to events-service (N+1). Each field asks {@link ActorEvents} / {@link CounterpartsOfActors} with its
 * own arguments as part of the key, so aliases and different arguments are answered correctly, and all
 * actors of one nesting level are one {@code GET /events/by-participants} (per distinct filter) and one
 * {@code GET /stats/counterparts}.
 */
@GraphQLApi
public class EventsOfActors {

    /** by-participants gives at most 501 events per actor: the page plus one to tell if more follow. */
    private static final int MAX_BACKEND_LIMIT = 500;

    private final ActorEvents events;
    private final CounterpartsOfActors counterparts;
    private final int maxPageSize;

    public EventsOfActors(ActorEvents events, CounterpartsOfActors counterparts, GatewayConfig config) {
        this.events = events;
        this.counterparts = counterparts;
        this.maxPageSize = config.maxPageSize();
    }

    // The schema's declarations; LoaderFetchers answers them with the fetches below (arguments as SmallRye
    // converts them: the source first, then in declaration order).

    @Name("events")
    @Description("The actor's events, newest first. All actors of a page (any arguments, aliases, and paging with "
            + "after within the first 500 events) are one backend call per filter")
    public Uni<EventConnection> events(@Source Actor actor, EventFilter filter, @DefaultValue("20") Integer first,
            String after) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("counterparts")
    @Description("The actors this actor has most events with, most frequent first")
    public Uni<List<@NonNull Counterpart>> counterparts(@Source Actor actor, @DefaultValue("10") Integer limit) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    CompletionStage<EventConnection> eventsOf(DataFetchingEnvironment field, List<Object> arguments) {
        Actor actor = (Actor) arguments.get(0);
        EventFilter filter = (EventFilter) arguments.get(1);
        Integer first = (Integer) arguments.get(2);
        String after = (String) arguments.get(3);
        int size = first == null ? 20 : first;
        if (size < 0 || size > maxPageSize) {
            return CompletableFuture.failedFuture(GatewayError.badInput("first must be between 0 and " + maxPageSize));
        }
        Cursors.Position position;
        try {
            position = Cursors.decode(after);
        } catch (GatewayError e) {
            return CompletableFuture.failedFuture(e);
        }
        int needed = Cursors.limit(position, size);
        if (needed > MAX_BACKEND_LIMIT) {
            return CompletableFuture.failedFuture(
                    GatewayError.badInput("page on with Query.events(filter: {actorIds: [...]}) this far"));
        }
        // Without a backend cursor (every cursor Actor.events gives out) the page is cut from the first
        // events; one more than needed tells whether there is a next page without counting.
        int limit = position.backendCursor() == null ? needed + 1 : needed;
        ActorEvents.Key key = new ActorEvents.Key(actor.id(), EventQueries.of(filter, null), limit,
                position.backendCursor(), TotalCounts.selectedHere(field));
        return events.load(field, key).thenApply(page -> {
            List<org.parley.gateway.client.EventsModel.Event> items = page == null ? List.of()
                    : Mapping.nonNull(page.items());
            Cursors.Page<org.parley.gateway.client.EventsModel.Event> cut = Cursors.page(position, items,
                    page == null ? null : page.nextCursor(), size);
            // Cut from the first events (no backend cursor): the extra event tells whether more follow.
            boolean more = position.backendCursor() == null ? items.size() > needed : cut.hasNextPage();
            return new EventConnection(Cursors.edges(cut, (c, e) -> new EventEdge(c, Mapping.event(e))),
                    new PageInfo(more, cut.endCursor(), cut.hasPreviousPage(), cut.startCursor()),
                    Mapping.totalCount(page == null ? null : page.totalCount()),
                    Mapping.totalCountIsExact(page == null ? null : page.totalCountIsExact()));
        });
    }

    CompletionStage<List<Counterpart>> counterpartsOf(DataFetchingEnvironment field, List<Object> arguments) {
        Actor actor = (Actor) arguments.get(0);
        Integer limit = (Integer) arguments.get(1);
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > maxPageSize) {
            return CompletableFuture.failedFuture(GatewayError.badInput("limit must be between 1 and " + maxPageSize));
        }
        return counterparts.load(field, new CounterpartsOfActors.Key(actor.id(), size))
                .thenApply(list -> Mapping.nonNull(list).stream().map(c -> new Counterpart(c.actorId(), (int) c.count()))
                        .toList());
    }
}
