package org.parley.gateway.graphql.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

public record DyadPeriod(@NonNull LocalDate period, int count, Double goldsteinMean,
        @NonNull List<@NonNull QuadCount> quadCounts) {
}
