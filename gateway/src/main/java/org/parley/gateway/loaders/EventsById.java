package org.parley.gateway.loaders;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;

import io.smallrye.mutiny.Uni;

/** Events by id: {@code GET /events?ids=…} for the related events of a level. */
@Singleton
public class EventsById extends KeyedLoader<String, EventsModel.Event> {

    private final EventsClient client;

    public EventsById(EventsClient client) {
        this.client = client;
    }

    @Override
    protected Uni<Map<String, EventsModel.Event>> loadAll(List<String> ids) {
        return client.findEventsByIds(ids);
    }
}
