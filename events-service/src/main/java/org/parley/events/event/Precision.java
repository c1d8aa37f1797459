package org.parley.events.event;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How precisely an event's date is known ("next week", "in October"). The stored start is
 * normalised to the first day of its unit (WEEK → that week's Monday, MONTH → the 1st, YEAR →
 * 1 January) so that one rule gives the date range every filter and statistic uses:
 * [start, end + 1 day) when an inclusive end is given, else [start, start + one unit).
 */
public enum Precision {
    DAY, WEEK, MONTH, YEAR;

    public LocalDate normalise(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** First day after the range that starts at the (normalised) {@code start}. */
    public LocalDate endExclusive(LocalDate start, LocalDate inclusiveEnd) {
        if (inclusiveEnd != null) {
            return inclusiveEnd.plusDays(1);
        }
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }
}
