package org.parley.gateway.graphql;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.Relationship;
import org.parley.gateway.loaders.ActorsById;
import org.parley.gateway.loaders.RelationshipsOfActors;

import graphql.schema.DataFetchingEnvironment;
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

    public ActorRelationships(RelationshipsOfActors relationships, ActorsById actors) {
        this.relationships = relationships;
        this.actors = actors;
    }

    // The schema's declarations; LoaderFetchers answers them with the fetches below.

    @Name("relationships")
    public Uni<List<@NonNull Relationship>> relationships(@Source Actor actor) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("other")
    public Uni<Actor> other(@Source Relationship relationship) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    CompletionStage<List<Relationship>> relationshipsOf(DataFetchingEnvironment field) {
        Actor actor = field.getSource();
        return relationships.load(field, actor.id()).thenApply(list -> Mapping.nonNull(list).stream()
                .map(r -> Mapping.relationship(r, actor.id())).toList());
    }

    CompletionStage<Actor> otherOf(DataFetchingEnvironment field) {
        return actors.load(field, field.<Relationship> getSource().otherId()).thenApply(Mapping::actor);
    }
}
