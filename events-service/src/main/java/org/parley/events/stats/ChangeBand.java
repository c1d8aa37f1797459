package org.parley.events.stats;

/**
 * Where a period's count lies against its group's baseline (the mean count of the periods before it),
 * as the ACLED Trendfinder bands it: change = (count − baseline) / baseline.
 */
public enum ChangeBand {
    /** more than +25 % */
    MUCH_HIGHER,
    /** +10 % to +25 % */
    HIGHER,
    /** between −10 % and +10 % (exclusive), or nothing now and nothing before */
    STABLE,
    /** −25 % to −10 % */
    LOWER,
    /** less than −25 % */
    MUCH_LOWER,
    /** events now, none in the whole baseline: no percentage exists */
    NEW;

    /** The band of {@code changePercent}; null change: NEW when there are events, else STABLE. */
    public static ChangeBand of(long count, Double changePercent) {
        if (changePercent == null) {
            return count > 0 ? NEW : STABLE;
        }
        double c = changePercent;
        if (c > 25) {
            return MUCH_HIGHER;
        }
        if (c >= 10) {
            return HIGHER;
        }
        if (c > -10) {
            return STABLE;
        }
        return c >= -25 ? LOWER : MUCH_LOWER;
    }

    /** (count − baseline) / baseline in percent; null when the baseline is 0. */
    public static Double changePercent(long count, double baseline) {
        return baseline == 0 ? null : (count - baseline) * 100.0 / baseline;
    }
}
