package org.parley.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
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
 * ({@code @Source List<…>}); {@link ActorLoads} makes ONE {@code GET /actors?ids=…} call for all the
 * actor fields of that level (participants and speakers together), with repeated ids asked once
 * (chunked above 500 ids).
 */
@GraphQLApi
public class ActorsOfEvents {

    private final ActorLoads actors;

    public ActorsOfEvents(ActorLoads actors) {
        this.actors = actors;
    }

    @Name("actor")
    public Uni<List<Actor>> participantActors(@Source List<Participant> participants) {
        return Batches.one(participants, Participant::actorId, actors::byIds, Mapping::actor);
    }

    @Name("speaker")
    public Uni<List<Actor>> speakers(@Source List<org.parley.gateway.graphql.model.Source> sources) {
        return Batches.one(sources, org.parley.gateway.graphql.model.Source::speakerId, actors::byIds,
                Mapping::actor);
    }

    @Name("actor")
    public Uni<List<Actor>> counterpartActors(@Source List<Counterpart> counterparts) {
        return Batches.one(counterparts, Counterpart::actorId, actors::byIds, Mapping::actor);
    }

    /**
     * Both ends of a dyad come from actors-service: Dyad.a and Dyad.b are two batches of the same level,
     * so {@link ActorLoads} sends the ends of every dyad of the request as one {@code GET /actors?ids=…}.
     */
    @Name("a")
    public Uni<List<Actor>> dyadA(@Source List<Dyad> dyads) {
        return Batches.one(dyads, Dyad::aId, actors::byIds, Mapping::actor);
    }

    @Name("b")
    public Uni<List<Actor>> dyadB(@Source List<Dyad> dyads) {
        return Batches.one(dyads, Dyad::bId, actors::byIds, Mapping::actor);
    }
}
