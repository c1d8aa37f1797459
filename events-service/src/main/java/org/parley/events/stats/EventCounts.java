package org.parley.events.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts per group and period against each group's own baseline (GET /stats/counts). {@code from} and
 * {@code to} are the first days of the first and last period shown; every group has one entry per
 * period, zeros included, so a series can be drawn as it is.
 */
public record EventCounts(String groupBy, String interval, LocalDate from, LocalDate to, int baselinePeriods,
        List<Group> groups) {

    /**
     * One group: {@code key} is an actor id (actor), "a,b" with a &lt; b (dyad), an alpha-3 code
     * (country), a place id (place), a root code "04" (root) or "1"–"4" (quad); {@code label} its name
     * where events-service knows it (not for actors: actors-service owns their names); {@code total}
     * the events over the periods shown, by which groups are ranked.
     */
    public record Group(String key, String label, long total, List<CountPeriod> series) {
    }

    /**
     * One period of a group. {@code baseline}: the mean count of the group's {@code baselinePeriods}
     * periods before this one (periods without events count as 0); {@code changePercent} against it,
     * null when the baseline is 0.
     */
    public record CountPeriod(LocalDate period, long count, Double goldsteinMean, List<Period.QuadCount> quadCounts,
            double baseline, Double changePercent, ChangeBand band) {
    }
}
