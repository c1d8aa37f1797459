package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record ActivityAlert(@NonNull AlertCrossing crossing,
        @Description("The band before the crossing; null for a group already in the threshold when the subscription started") ChangeBand previousBand,
        @NonNull @Description("The group; its series holds the running period only") CountGroup group,
        @NonNull @Description("The running period") CountPeriod period) {
}
