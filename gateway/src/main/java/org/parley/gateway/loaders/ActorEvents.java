package org.parley.gateway.loaders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;

import io.smallrye.mutiny.Uni;

/**
 * Events of actors (Actor.events), keyed by the actor and the field's normalised arguments: the filter,
 * how many events from the start the page needs ({@code limit}), the backend cursor and whether to count.
 *
 * <p>
 * Keys without a backend cursor — every first page, and every page after a cursor this API gave out for
 * Actor.events, since those say "skip n from the start" — are answered by {@code GET /events/by-participants}:
 * one call per distinct filter on a level, asking the largest limit of its keys (and a count if any key
 * wants one) and cutting each actor's answer to its own limit. So aliases with different {@code first},
 * and {@code after:} paging for many actors at once, cost that one call. A key with a backend cursor
 * (past the 500 events by-participants can give) is one {@code GET /events?actor=…&after=…} each:
 * by-participants takes no per-actor cursor (see the README's Batching section).
 */
@Singleton
public class ActorEvents extends KeyedLoader<ActorEvents.Key, ActorEvents.Page> {

    /** {@code query.actors()} is ignored: the key's actor is the one asked for. */
    public record Key(String actorId, EventsModel.EventQuery query, int limit, String backendCursor,
            boolean count) {
    }

    /**
     * Up to the key's limit events, the backend's next cursor (null from by-participants), the count if asked and
     * whether it is exact (events-service stops counting at its limit).
     */
    public record Page(List<EventsModel.Event> items, String nextCursor, Long totalCount, Boolean totalCountIsExact) {
    }

    private final EventsClient events;

    public ActorEvents(EventsClient events) {
        this.events = events;
    }

    @Override
    protected Uni<Map<Key, Page>> loadAll(List<Key> keys) {
        Map<EventsModel.EventQuery, List<Key>> fromStart = new LinkedHashMap<>();
        List<Uni<Map<Key, Page>>> calls = new ArrayList<>();
        for (Key key : keys) {
            if (key.backendCursor() == null) {
                fromStart.computeIfAbsent(key.query(), q -> new ArrayList<>()).add(key);
            } else {
                calls.add(events.listEvents(withActor(key.query(), key.actorId()), key.limit(), key.backendCursor(),
                        key.count()).map(p -> Map.of(key, new Page(p.items(), p.nextCursor(), p.totalCount(),
                        p.totalCountIsExact()))));
            }
        }
        fromStart.forEach((query, group) -> calls.add(byParticipants(query, group)));
        if (calls.size() == 1) {
            return calls.get(0);
        }
        return Uni.join().all(calls).andFailFast().map(parts -> {
            Map<Key, Page> all = new HashMap<>();
            parts.forEach(all::putAll);
            return all;
        });
    }

    private Uni<Map<Key, Page>> byParticipants(EventsModel.EventQuery query, List<Key> group) {
        int limit = group.stream().mapToInt(Key::limit).max().orElse(1);
        boolean count = group.stream().anyMatch(Key::count);
        return events.findEventsByParticipants(group.stream().map(Key::actorId).toList(), query, limit, count)
                .map(byActor -> {
                    Map<Key, Page> byKey = new HashMap<>();
                    for (Key key : group) {
                        EventsModel.ParticipantEvents entry = byActor.get(key.actorId());
                        // An actor without events is absent from the answer: an empty page, counted 0.
                        List<EventsModel.Event> items = entry == null || entry.items() == null ? List.of()
                                : entry.items();
                        Long total = entry == null ? (count ? 0L : null) : entry.totalCount();
                        byKey.put(key, new Page(items.subList(0, Math.min(items.size(), key.limit())), null,
                                key.count() ? total : null, entry == null ? null : entry.totalCountIsExact()));
                    }
                    return byKey;
                });
    }

    private static EventsModel.EventQuery withActor(EventsModel.EventQuery q, String actorId) {
        return new EventsModel.EventQuery(List.of(actorId), q.dyad(), q.codes(), q.roots(), q.quads(), q.statuses(),
                q.from(), q.to(), q.places(), q.text(), q.sort());
    }
}
