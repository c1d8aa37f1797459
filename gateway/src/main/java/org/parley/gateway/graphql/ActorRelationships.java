package org.parley.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.Relationship;
import org.parley.gateway.loaders.ActorsById;
import org.parley.gateway.loaders.RelationshipsOfActors;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * Actor.relationships and Relationship.other (both actors-service), through the loaders for the same N+1
 * reason as the cross-service edges: a page of 100 actors asks {@code GET /relationships?actors=…} once,
 * and the far ends of all those relationships are one {@code GET /actors?ids=…}.
 */
@GraphQLApi
public class ActorRelationships {

    private final RelationshipsOfActors relationships;
    private final ActorsById actors;
    private final Context context;

    public ActorRelationships(RelationshipsOfActors relationships, ActorsById actors, Context context) {
        this.relationships = relationships;
        this.actors = actors;
        this.context = context;
    }

    @Name("relationships")
    public Uni<List<@NonNull Relationship>> relationships(@Source Actor actor) {
        return relationships.load(context, actor.id()).map(list -> Mapping.nonNull(list).stream()
                .map(r -> Mapping.relationship(r, actor.id())).toList());
    }

    @Name("other")
    public Uni<Actor> other(@Source Relationship relationship) {
        return actors.load(context, relationship.otherId()).map(a -> a == null ? null : Mapping.actor(a));
    }
}
