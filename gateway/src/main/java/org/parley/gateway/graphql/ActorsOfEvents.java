package org.parley.gateway.graphql;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.Counterpart;
import org.parley.gateway.graphql.model.Dyad;
import org.parley.gateway.graphql.model.Participant;
import org.parley.gateway.loaders.ActorsById;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.mutiny.Uni;

/**
 * The edge events-service → actors-service: every actor id that events-service hands out (participants,
 * source speakers, counterparts, dyad ends) becomes an Actor here.
 *
 * <p>
 * Why through {@link ActorsById}: resolved one by one, a page of 100 events with 3 participants each would
 * cost 300 calls to actors-service (the N+1 problem). Every one of these fields asks the one loader, so all
 * the actor ids of a nesting level (participants, speakers, counterparts and dyad ends together) are ONE
 * {@code GET /actors?ids=…}, repeated ids asked once (chunked above 500 ids).
 */
@GraphQLApi
public class ActorsOfEvents {

    private final ActorsById actors;

    public ActorsOfEvents(ActorsById actors) {
        this.actors = actors;
    }

    // The schema's declarations; LoaderFetchers answers them with the fetches below.

    @Name("actor")
    public Uni<Actor> participantActor(@Source Participant participant) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("speaker")
    public Uni<Actor> speaker(@Source org.parley.gateway.graphql.model.Source source) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("actor")
    public Uni<Actor> counterpartActor(@Source Counterpart counterpart) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("a")
    public Uni<Actor> dyadA(@Source Dyad dyad) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    @Name("b")
    public Uni<Actor> dyadB(@Source Dyad dyad) {
        return LoaderFetchers.servedByLoaderFetchers();
    }

    CompletionStage<Actor> ofParticipant(DataFetchingEnvironment field) {
        return actor(field, field.<Participant> getSource().actorId());
    }

    CompletionStage<Actor> ofSpeaker(DataFetchingEnvironment field) {
        return actor(field, field.<org.parley.gateway.graphql.model.Source> getSource().speakerId());
    }

    CompletionStage<Actor> ofCounterpart(DataFetchingEnvironment field) {
        return actor(field, field.<Counterpart> getSource().actorId());
    }

    CompletionStage<Actor> dyadEndA(DataFetchingEnvironment field) {
        return actor(field, field.<Dyad> getSource().aId());
    }

    CompletionStage<Actor> dyadEndB(DataFetchingEnvironment field) {
        return actor(field, field.<Dyad> getSource().bId());
    }

    private CompletionStage<Actor> actor(DataFetchingEnvironment field, String id) {
        return actors.load(field, id).thenApply(Mapping::actor);
    }
}
