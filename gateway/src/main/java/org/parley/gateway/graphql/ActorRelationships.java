package org.parley.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.Relationship;

import io.smallrye.mutiny.Uni;

/**
 * Actor.relationships and Relationship.other (both actors-service). Batched for the same N+1 reason as
 * the cross-service edges: a page of 100 actors asks {@code GET /relationships?actors=…} once, and the
 * far ends of all those relationships are one {@code GET /actors?ids=…}.
 */
@GraphQLApi
public class ActorRelationships {

    private final ActorsClient actors;
    private final ActorLoads loads;

    public ActorRelationships(ActorsClient actors, ActorLoads loads) {
        this.actors = actors;
        this.loads = loads;
    }

    @Name("relationships")
    public Uni<List<List<@NonNull Relationship>>> relationships(@Source List<Actor> sources) {
        return Batches.grouped(sources, Actor::id, actors::findRelationshipsOfActors,
                (actor, list) -> Mapping.nonNull(list).stream().map(r -> Mapping.relationship(r, actor.id()))
                        .toList());
    }

    @Name("other")
    public Uni<List<Actor>> other(@Source List<Relationship> relationships) {
        return Batches.one(relationships, Relationship::otherId, loads::byIds, Mapping::actor);
    }
}
