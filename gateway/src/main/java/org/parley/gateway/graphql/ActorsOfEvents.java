package org.parley.gateway.graphql;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.Counterpart;
import org.parley.gateway.graphql.model.Dyad;
import org.parley.gateway.graphql.model.Participant;
import org.parley.gateway.loaders.ActorsById;

import io.smallrye.graphql.api.Context;
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
    private final Context context;

    public ActorsOfEvents(ActorsById actors, Context context) {
        this.actors = actors;
        this.context = context;
    }

    @Name("actor")
    public Uni<Actor> participantActor(@Source Participant participant) {
        return actor(participant.actorId());
    }

    @Name("speaker")
    public Uni<Actor> speaker(@Source org.parley.gateway.graphql.model.Source source) {
        return actor(source.speakerId());
    }

    @Name("actor")
    public Uni<Actor> counterpartActor(@Source Counterpart counterpart) {
        return actor(counterpart.actorId());
    }

    @Name("a")
    public Uni<Actor> dyadA(@Source Dyad dyad) {
        return actor(dyad.aId());
    }

    @Name("b")
    public Uni<Actor> dyadB(@Source Dyad dyad) {
        return actor(dyad.bId());
    }

    private Uni<Actor> actor(String id) {
        return actors.load(context, id).map(a -> a == null ? null : Mapping.actor(a));
    }
}
