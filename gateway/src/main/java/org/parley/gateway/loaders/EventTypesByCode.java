package org.parley.gateway.loaders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;

import io.smallrye.mutiny.Uni;

/**
 * CAMEO event types by code, from the catalogue {@link EventsClient} caches: at most one
 * {@code GET /event-types} per level while the cache is cold, none while it is warm.
 */
@Singleton
public class EventTypesByCode extends KeyedLoader<String, EventsModel.EventType> {

    private final EventsClient events;

    public EventTypesByCode(EventsClient events) {
        this.events = events;
    }

    @Override
    protected Uni<Map<String, EventsModel.EventType>> loadAll(List<String> codes) {
        return events.eventTypes().map(catalogue -> {
            Map<String, EventsModel.EventType> byCode = new HashMap<>();
            catalogue.forEach(type -> byCode.putIfAbsent(type.code(), type));
            return byCode;
        });
    }
}
