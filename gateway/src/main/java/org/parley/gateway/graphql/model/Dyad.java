package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** a and b (the actors) are added by resolvers; loaders.ActorsById loads both ends of every dyad of a level in one call. */
public record Dyad(@Id @NonNull String aId, @Id @NonNull String bId, @NonNull Interval interval,
        @NonNull List<@NonNull DyadPeriod> series) {
}
