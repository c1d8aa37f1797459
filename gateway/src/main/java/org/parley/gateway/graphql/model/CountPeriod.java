package org.parley.gateway.graphql.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record CountPeriod(@NonNull @Description("The period's first day") LocalDate period, int count,
        Double goldsteinMean, @NonNull List<@NonNull QuadCount> quadCounts,
        @Description("The group's mean count over the baseline periods before this one") double baseline,
        @Description("(count - baseline) / baseline in percent; null when the baseline is 0") Double changePercent,
        @NonNull ChangeBand band) {
}
