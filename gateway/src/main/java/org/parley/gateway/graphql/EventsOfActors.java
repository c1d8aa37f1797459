package org.parley.gateway.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.Counterpart;
import org.parley.gateway.graphql.model.EventConnection;
import org.parley.gateway.graphql.model.EventEdge;
import org.parley.gateway.graphql.model.EventFilter;
import org.parley.gateway.graphql.model.PageInfo;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * The edge actors-service → events-service: an actor's events and counterparts.
 *
 * <p>
 * Why batched: a page of 100 actors each showing their latest events would otherwise cost 100 calls to
 * events-service (N+1). All actors of one nesting level go to {@code GET /events/by-participants} (one
 * SQL query there) and {@code GET /stats/counterparts} in one call each.
 */
@GraphQLApi
public class EventsOfActors {

    private static final int MAX_BACKEND_LIMIT = 500;

    private final EventsClient events;
    private final Context context;
    private final int maxPageSize;

    public EventsOfActors(EventsClient events, Context context, GatewayConfig config) {
        this.events = events;
        this.context = context;
        this.maxPageSize = config.maxPageSize();
    }

    @Name("events")
    @Description("The actor's events, newest first. The first page of all actors of a page is one backend call; "
            + "paging on with after costs one call per actor (or use Query.events with filter.actorIds)")
    public Uni<List<EventConnection>> events(@Source List<Actor> actors, EventFilter filter,
            @DefaultValue("20") Integer first, String after) {
        // Read before returning: SmallRye's context moves on to other fields afterwards.
        boolean count = TotalCounts.selectedAnywhere(context, "Actor", "events");
        return Batches.guard(actors.size(), Uni.createFrom().deferred(() -> {
            int size = first == null ? 20 : first;
            if (size < 0 || size > maxPageSize) {
                throw GatewayError.badInput("first must be between 0 and " + maxPageSize);
            }
            EventsModel.EventQuery query = EventQueries.of(filter, null);
            if (after != null) {
                return pagedOn(actors, query, size, Cursors.decode(after), count);
            }
            // One more than the page tells whether there is a next page without counting (also for
            // first: 0, and by-participants wants limit >= 1 anyway).
            return Batches.grouped(actors, Actor::id,
                    ids -> events.findEventsByParticipants(ids, query, size + 1, count),
                    (actor, entry) -> firstPage(entry, size));
        }));
    }

    @Name("counterparts")
    @Description("The actors this actor has most events with, most frequent first")
    public Uni<List<List<@NonNull Counterpart>>> counterparts(@Source List<Actor> actors,
            @DefaultValue("10") Integer limit) {
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > maxPageSize) {
            return Batches.guard(actors.size(),
                    Uni.createFrom().failure(GatewayError.badInput("limit must be between 1 and " + maxPageSize)));
        }
        return Batches.grouped(actors, Actor::id, ids -> events.counterpartsOfActors(ids, size),
                (actor, list) -> Mapping.nonNull(list).stream()
                        .map(c -> new Counterpart(c.actorId(), (int) c.count())).toList());
    }

    /** {@code entry} holds up to size + 1 events; null when the actor has none (a count is then 0). */
    private static EventConnection firstPage(EventsModel.ParticipantEvents entry, int size) {
        List<EventsModel.Event> items = entry == null ? List.of() : Mapping.nonNull(entry.items());
        int total = entry == null ? 0 : Mapping.totalCount(entry.totalCount());
        boolean exact = entry == null || Mapping.totalCountIsExact(entry.totalCountIsExact());
        // by-participants gives no backend cursor: edge cursors say "skip i from the start".
        Cursors.Page<EventsModel.Event> page = Cursors.page(new Cursors.Position(null, 0), items, null, size);
        boolean more = items.size() > size;
        return new EventConnection(Cursors.edges(page, (c, e) -> new EventEdge(c, Mapping.event(e))),
                new PageInfo(more, page.endCursor(), false, page.startCursor()), total, exact);
    }

    /** Past the first page there is no bulk endpoint: one call per actor (typically one actor is paged). */
    private Uni<List<EventConnection>> pagedOn(List<Actor> actors, EventsModel.EventQuery query, int size,
            Cursors.Position position, boolean count) {
        int limit = Cursors.limit(position, size);
        if (limit > MAX_BACKEND_LIMIT) {
            throw GatewayError.badInput("page on with Query.events(filter: {actorIds: [...]}) this far");
        }
        Map<String, Uni<EventsModel.EventPage>> calls = new HashMap<>();
        for (Actor actor : actors) {
            calls.computeIfAbsent(actor.id(), id -> events.listEvents(withActor(query, id), limit,
                    position.backendCursor(), count));
        }
        List<String> ids = new ArrayList<>(calls.keySet());
        Collection<Uni<EventsModel.EventPage>> unis = ids.stream().map(calls::get).toList();
        return Batches.guard(actors.size(), Uni.join().all(List.copyOf(unis)).andFailFast().map(pages -> {
            Map<String, EventsModel.EventPage> byActor = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                byActor.put(ids.get(i), pages.get(i));
            }
            return actors.stream().map(actor -> {
                EventsModel.EventPage p = byActor.get(actor.id());
                Cursors.Page<EventsModel.Event> cut = Cursors.page(position, p.items(), p.nextCursor(), size);
                return new EventConnection(Cursors.edges(cut, (c, e) -> new EventEdge(c, Mapping.event(e))),
                        Cursors.pageInfo(cut), Mapping.totalCount(p.totalCount()),
                        Mapping.totalCountIsExact(p.totalCountIsExact()));
            }).toList();
        }));
    }

    private static EventsModel.EventQuery withActor(EventsModel.EventQuery q, String actorId) {
        List<String> actors = new ArrayList<>();
        actors.add(actorId);
        return new EventsModel.EventQuery(actors, q.dyad(), q.codes(), q.roots(), q.quads(), q.statuses(), q.from(),
                q.to(), q.places(), q.text(), q.sort());
    }
}
