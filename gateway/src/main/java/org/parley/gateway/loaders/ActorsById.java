package org.parley.gateway.loaders;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.ActorsModel;

import io.smallrye.mutiny.Uni;

/** Actors by id: {@code GET /actors?ids=…} (chunked by 500) for every actor field of a level. */
@Singleton
public class ActorsById extends KeyedLoader<String, ActorsModel.Actor> {

    private final ActorsClient client;

    public ActorsById(ActorsClient client) {
        this.client = client;
    }

    @Override
    protected Uni<Map<String, ActorsModel.Actor>> loadAll(List<String> ids) {
        return client.findActorsByIds(ids);
    }
}
