package org.parley.gateway.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.parley.gateway.client.ActorsModel;
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
     * Both ends of a dyad come from actors-service: one {@code GET /actors?ids=…} for a AND b of every dyad
     * of the request, not one per field. Whichever field is resolved first claims the load for its dyads;
     * the other field finds it claimed and waits for the same answer.
     */
    @Name("a")
    public Uni<List<Actor>> dyadA(@Source List<Dyad> dyads) {
        return dyadEnd(dyads, Dyad::aId);
    }

    @Name("b")
    public Uni<List<Actor>> dyadB(@Source List<Dyad> dyads) {
        return dyadEnd(dyads, Dyad::bId);
    }

    private Uni<List<Actor>> dyadEnd(List<Dyad> dyads, Function<Dyad, String> end) {
        List<String> ids = dyads.stream().flatMap(d -> Stream.of(d.aId(), d.bId())).toList();
        Uni<Map<String, ActorsModel.Actor>> load = Uni.createFrom()
                .deferred(() -> actors.byIds(ids)).memoize().indefinitely();
        // Usually one distinct load; more only when another batch already claimed some of these dyads.
        List<Uni<Map<String, ActorsModel.Actor>>> loads = new ArrayList<>();
        for (Dyad dyad : dyads) {
            Uni<Map<String, ActorsModel.Actor>> claimed = dyad.ends().claim(load);
            if (loads.stream().noneMatch(l -> l == claimed)) {
                loads.add(claimed);
            }
        }
        Uni<Map<String, ActorsModel.Actor>> all = loads.size() == 1 ? loads.get(0)
                : Uni.join().all(loads).andFailFast().map(maps -> {
                    Map<String, ActorsModel.Actor> merged = new HashMap<>();
                    maps.forEach(merged::putAll);
                    return merged;
                });
        return Batches.guard(dyads.size(), all.map(byId -> {
            List<Actor> result = new ArrayList<>(dyads.size());
            for (Dyad dyad : dyads) {
                ActorsModel.Actor actor = byId.get(end.apply(dyad));
                result.add(actor == null ? null : Mapping.actor(actor));
            }
            return result;
        }));
    }
}
