package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** a and b (the actors) are added by a batched resolver that loads both in one call (see ends). */
public record Dyad(@Id @NonNull String aId, @Id @NonNull String bId, @NonNull Interval interval,
        @NonNull List<@NonNull DyadPeriod> series, @Ignore DyadEnds ends) {

    public Dyad(String aId, String bId, Interval interval, List<DyadPeriod> series) {
        this(aId, bId, interval, series, new DyadEnds());
    }
}
