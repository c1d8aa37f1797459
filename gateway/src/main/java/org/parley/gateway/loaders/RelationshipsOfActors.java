package org.parley.gateway.loaders;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.ActorsModel;

import io.smallrye.mutiny.Uni;

/** The relationships touching each actor, both directions: {@code GET /relationships?actors=…}. */
@Singleton
public class RelationshipsOfActors extends KeyedLoader<String, List<ActorsModel.Relationship>> {

    private final ActorsClient client;

    public RelationshipsOfActors(ActorsClient client) {
        this.client = client;
    }

    @Override
    protected Uni<Map<String, List<ActorsModel.Relationship>>> loadAll(List<String> ids) {
        return client.findRelationshipsOfActors(ids);
    }
}
