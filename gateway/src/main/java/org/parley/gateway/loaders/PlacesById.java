package org.parley.gateway.loaders;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;

import io.smallrye.mutiny.Uni;

/** Places by id: {@code GET /places?ids=…} for location, subjects and parent places of a level. */
@Singleton
public class PlacesById extends KeyedLoader<String, EventsModel.Place> {

    private final EventsClient client;

    public PlacesById(EventsClient client) {
        this.client = client;
    }

    @Override
    protected Uni<Map<String, EventsModel.Place>> loadAll(List<String> ids) {
        return client.findPlacesByIds(ids);
    }
}
