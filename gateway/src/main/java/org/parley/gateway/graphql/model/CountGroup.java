package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

public record CountGroup(
        @NonNull @Description("Actor id (ACTOR), \"a,b\" (DYAD), alpha-3 code (COUNTRY), place id (PLACE), root code (ROOT_CODE) or 1-4 (QUAD_CLASS)") String key,
        @Description("The group's name; actors' names from actors-service (null when it cannot answer)") String name,
        @NonNull @Id @Description("The group's actors (ACTOR: one, DYAD: two, else none)") List<@NonNull String> actorIds,
        @Description("Events in the periods shown") int total,
        @NonNull List<@NonNull CountPeriod> series) {
}
