package org.parley.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.Counterpart;
import org.parley.gateway.graphql.model.Dyad;
import org.parley.gateway.graphql.model.Participant;

import io.smallrye.mutiny.Uni;

/**
 * The edge events-service → actors-service: every actor id that events-service hands out (participants,
 * source speakers, counterparts, dyad ends) becomes an Actor here.
 *
 * <p>
 * Why batched: resolved one by one, a page of 100 events with 3 participants each would cost 300 calls
 * to actors-service (the N+1 problem). Each method receives all sources of one nesting level at once
 * ({@code @Source List<…>}) and makes ONE {@code GET /actors?ids=…} call for them, with repeated ids
 * asked once (chunked above 500 ids).
 */
@GraphQLApi
public class ActorsOfEvents {

    private final ActorsClient actors;

    public ActorsOfEvents(ActorsClient actors) {
        this.actors = actors;
    }

    @Name("actor")
    public Uni<List<Actor>> participantActors(@Source List<Participant> participants) {
        return Batches.one(participants, Participant::actorId, actors::findActorsByIds, Mapping::actor);
    }

    @Name("speaker")
    public Uni<List<Actor>> speakers(@Source List<org.parley.gateway.graphql.model.Source> sources) {
        return Batches.one(sources, org.parley.gateway.graphql.model.Source::speakerId, actors::findActorsByIds,
                Mapping::actor);
    }

    @Name("actor")
    public Uni<List<Actor>> counterpartActors(@Source List<Counterpart> counterparts) {
        return Batches.one(counterparts, Counterpart::actorId, actors::findActorsByIds, Mapping::actor);
    }

    @Name("a")
    public Uni<List<Actor>> dyadA(@Source List<Dyad> dyads) {
        return Batches.one(dyads, Dyad::aId, actors::findActorsByIds, Mapping::actor);
    }

    @Name("b")
    public Uni<List<Actor>> dyadB(@Source List<Dyad> dyads) {
        return Batches.one(dyads, Dyad::bId, actors::findActorsByIds, Mapping::actor);
    }
}
