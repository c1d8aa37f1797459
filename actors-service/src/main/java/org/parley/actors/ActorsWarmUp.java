package org.parley.actors;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.Readiness;
import org.parley.actors.actor.rest.ActorResource;
import org.parley.actors.actor.rest.dto.ActorView;
import org.parley.actors.relationship.rest.RelationshipBatchResource;
import org.parley.common.warmup.WarmUpCheck;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Ready only once the gateway's reads have run once ({@link WarmUpCheck}): a page of actors (the search
 * with its count), a text search, those actors by ids (the gateway's batches) and their relationships —
 * through the resources, as a request runs them.
 */
@Startup
@Readiness
@Singleton
public class ActorsWarmUp extends WarmUpCheck {

    private final ActorResource actors;
    private final RelationshipBatchResource relationships;

    public ActorsWarmUp(Vertx vertx, ObjectMapper json, ActorResource actors, RelationshipBatchResource relationships) {
        super(vertx, "actors-service", json);
        this.actors = actors;
        this.relationships = relationships;
    }

    @Override
    protected Uni<?> mainPaths() {
        return actors.listActors(List.of(), null, List.of(), null, "20", null).map(this::asJson)
                // a text search is another statement (names and aliases, accent-insensitive)
                .call(page -> actors.listActors(List.of(), "a", List.of("PERSON"), null, "5", null))
                .chain(page -> {
                    List<String> ids = page.items().isEmpty() ? List.of(UUID.randomUUID().toString())
                            : page.items().stream().map(ActorView::id).map(UUID::toString).toList();
                    return actors.listActors(ids, null, List.of(), null, null, null).map(this::asJson)
                            .chain(() -> relationships.listRelationshipsOfActors(ids)).map(this::asJson);
                });
    }
}
