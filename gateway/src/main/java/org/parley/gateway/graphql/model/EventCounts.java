package org.parley.gateway.graphql.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record EventCounts(@NonNull CountGroupBy groupBy, @NonNull Interval interval,
        @NonNull @Description("The first period's first day") LocalDate from,
        @NonNull @Description("The last period's first day") LocalDate to,
        int baselinePeriods,
        @NonNull @Description("The groups with most events in the periods shown, most first") List<@NonNull CountGroup> groups) {
}
