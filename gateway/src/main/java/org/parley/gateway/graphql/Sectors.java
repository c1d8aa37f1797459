package org.parley.gateway.graphql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.smallrye.mutiny.Uni;

import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.ActorsModel;
import org.parley.gateway.client.EventsModel;
import org.parley.gateway.graphql.model.EventFilter;

/**
 * {@code includeSectors}: an actor filter that means the actors and their sectors ("events of the United
 * States" = the state, its government, military, police …). A sector points at its state with a
 * SECTOR_OF relationship in actors-service (the GDELT import adds them), so the expansion is one
 * relationships read for all the filter's actors (chunks of 500), done here because events-service
 * knows nothing of relationships and a service never calls another. Every reader of an EventFilter goes
 * through it: {@code Query.events}, {@code eventCounts}/{@code activityAlerts} and the export.
 */
public final class Sectors {

    static final String SECTOR_OF = "SECTOR_OF";

    private Sectors() {
    }

    /** The query with its actors expanded by their sectors when the filter asks for it; else as it is. */
    public static Uni<EventsModel.EventQuery> expand(ActorsClient actors, EventsModel.EventQuery query, EventFilter filter) {
        if (filter == null || !Boolean.TRUE.equals(filter.includeSectors()) || query.actors() == null) {
            return Uni.createFrom().item(query);
        }
        return actors.findRelationshipsOfActors(query.actors()).map(byActor -> {
            Set<String> ids = new LinkedHashSet<>(query.actors());
            for (String id : query.actors()) {
                for (ActorsModel.Relationship r : byActor.getOrDefault(id, List.of())) {
                    if (SECTOR_OF.equals(r.type()) && id.equals(r.toId())) {
                        ids.add(r.fromId());
                    }
                }
            }
            return new EventsModel.EventQuery(new ArrayList<>(ids), query.dyad(), query.codes(), query.roots(),
                    query.quads(), query.statuses(), query.from(), query.to(), query.places(), query.text(),
                    query.sort());
        });
    }
}
