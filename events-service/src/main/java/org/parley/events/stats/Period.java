package org.parley.events.stats;

import java.time.LocalDate;
import java.util.List;

/** One interval's statistics: its first day, event count, mean Goldstein and counts per QuadClass 1–4. */
public record Period(LocalDate period, long count, Double goldsteinMean, List<QuadCount> quadCounts) {

    public record QuadCount(int quadClass, long count) {
    }
}
