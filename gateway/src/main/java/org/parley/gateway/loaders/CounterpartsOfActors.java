package org.parley.gateway.loaders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;

import io.smallrye.mutiny.Uni;

/**
 * Each actor's most frequent counterparts, keyed by (actor, limit). {@code /stats/counterparts} ranks
 * most frequent first, so the largest limit asked on a level answers every smaller one exactly: aliases
 * with different limits still cost one call.
 */
@Singleton
public class CounterpartsOfActors extends KeyedLoader<CounterpartsOfActors.Key, List<EventsModel.Counterpart>> {

    public record Key(String actorId, int limit) {
    }

    private final EventsClient events;

    public CounterpartsOfActors(EventsClient events) {
        this.events = events;
    }

    @Override
    protected Uni<Map<Key, List<EventsModel.Counterpart>>> loadAll(List<Key> keys) {
        int limit = keys.stream().mapToInt(Key::limit).max().orElse(1);
        return events.counterpartsOfActors(keys.stream().map(Key::actorId).toList(), limit).map(byActor -> {
            Map<Key, List<EventsModel.Counterpart>> byKey = new HashMap<>();
            for (Key key : keys) {
                List<EventsModel.Counterpart> all = byActor.getOrDefault(key.actorId(), List.of());
                byKey.put(key, all == null ? List.of() : all.subList(0, Math.min(all.size(), key.limit())));
            }
            return byKey;
        });
    }
}
