package org.parley.events.stats.repository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.events.db.Sql;
import org.parley.events.event.EventFilter;
import org.parley.events.event.repository.EventQuery;
import org.parley.events.stats.ChangeBand;
import org.parley.events.stats.CountGroup;
import org.parley.events.stats.EventCounts;
import org.parley.events.stats.Period;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * Event counts per group and period with each group's baseline, in ONE statement: the matching
 * events of the periods shown and of the baseline periods before them are counted per (group,
 * period), the top groups of the shown periods are kept, every period of theirs is filled in (zeros
 * too, so that the baseline is a mean over periods, not over the periods that happened to have
 * events) and a window function takes the mean of the preceding periods.
 */
@ApplicationScoped
public class CountsRepository {

    private final Sql sql;

    public CountsRepository(Sql sql) {
        this.sql = sql;
    }

    /** The first day of the period (week: Monday; month: the 1st; year: 1 January) holding {@code day}. */
    public static LocalDate periodStart(LocalDate day, String interval) {
        return switch (interval) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            case "year" -> day.withDayOfYear(1);
            default -> throw new IllegalArgumentException("interval " + interval);
        };
    }

    public static LocalDate plus(LocalDate periodStart, String interval, long periods) {
        return switch (interval) {
            case "week" -> periodStart.plusWeeks(periods);
            case "month" -> periodStart.plusMonths(periods);
            case "year" -> periodStart.plusYears(periods);
            default -> throw new IllegalArgumentException("interval " + interval);
        };
    }

    /**
     * {@code filter}'s from/to are ignored: an event belongs to the period of its start date, and the
     * periods read are [{@code first} − baselinePeriods, {@code last}].
     */
    public Uni<EventCounts> counts(EventFilter filter, CountGroup groupBy, String interval, LocalDate first,
            LocalDate last, int baselinePeriods, int limit) {
        EventFilter undated = new EventFilter(filter.actors(), filter.dyad(), filter.codes(), filter.roots(),
                filter.quads(), filter.statuses(), null, null, filter.places(), filter.text());
        EventQuery q = EventQuery.scan(undated);
        LocalDate readFrom = plus(first, interval, -baselinePeriods);
        String unit = q.param(interval);
        String from = q.param(readFrom);
        String shownFrom = q.param(first);
        String until = q.param(plus(last, interval, 1));
        String lastPeriod = q.param(last);
        String step = q.param("1 " + interval);
        String top = q.param(limit);
        Grouping g = grouping(groupBy);
        String statement = """
                with m as (
                    select %s as key, date_trunc(%s, e.start_date::timestamp)::date as period, e.goldstein, e.quad_class
                      from event e %s
                     where %s and e.start_date >= %s::date and e.start_date < %s::date%s
                ),
                c as (
                    select key, period, count(*) as n, avg(goldstein) as mean,
                           count(*) filter (where quad_class = 1) as q1, count(*) filter (where quad_class = 2) as q2,
                           count(*) filter (where quad_class = 3) as q3, count(*) filter (where quad_class = 4) as q4
                      from m group by key, period
                ),
                top as (
                    select key, sum(n) as total, row_number() over (order by sum(n) desc, key) as rank
                      from c where period >= %s::date group by key order by total desc, key limit %s
                ),
                t as (
                    select top.*, %s as label from top
                ),
                p as (
                    select generate_series(%s::date::timestamp, %s::date::timestamp, %s::text::interval)::date as period
                ),
                g as (
                    select t.key, t.label, t.total, t.rank, p.period, coalesce(c.n, 0) as n, c.mean,
                           coalesce(c.q1, 0) as q1, coalesce(c.q2, 0) as q2, coalesce(c.q3, 0) as q3, coalesce(c.q4, 0) as q4,
                           avg(coalesce(c.n, 0)) over (partition by t.key order by p.period
                                                       rows between %d preceding and 1 preceding) as baseline
                      from t cross join p left join c on c.key = t.key and c.period = p.period
                )
                select g.* from g where g.period >= %s::date order by g.rank, g.period
                """.formatted(g.key(), unit, g.join(), q.scanWhere(), from, until, g.condition(), shownFrom, top,
                g.label(), from, lastPeriod, step, baselinePeriods, shownFrom);
        return sql.query(statement, q.tuple())
                .map(rows -> new EventCounts(groupBy.name().toLowerCase(java.util.Locale.ROOT), interval, first, last,
                        baselinePeriods, groups(rows)));
    }

    /** How a group's key, its join and its label are written in SQL. */
    private record Grouping(String key, String join, String condition, String label) {
    }

    private static Grouping grouping(CountGroup groupBy) {
        return switch (groupBy) {
            // distinct: an actor in two roles of one event counts once
            case ACTOR -> new Grouping("gk.actor_id::text",
                    "cross join lateral (select distinct p.actor_id from event_participant p where p.event_id = e.id) gk",
                    "", "null::text");
            case DYAD -> new Grouping("gk.a::text || ',' || gk.b::text", """
                    cross join lateral (select distinct p1.actor_id as a, p2.actor_id as b from event_participant p1
                      join event_participant p2 on p2.event_id = p1.event_id and p2.actor_id > p1.actor_id
                     where p1.event_id = e.id) gk""", "", "null::text");
            case COUNTRY -> new Grouping("l.country_code", "join place l on l.id = e.location_id",
                    " and l.country_code is not null",
                    // the country's own place where one exists, else the bare code
                    "coalesce((select pl.name from place pl where pl.kind = 'COUNTRY' and pl.country_code = top.key"
                            + " order by pl.created_at, pl.id limit 1), top.key)");
            case PLACE -> new Grouping("e.location_id::text", "", " and e.location_id is not null",
                    "(select pl.name from place pl where pl.id = top.key::uuid)");
            case ROOT -> new Grouping("e.root_code", "", "",
                    "(select et.name from event_type et where et.code = top.key)");
            case QUAD -> new Grouping("e.quad_class::text", "", "", """
                    case top.key when '1' then 'Verbal cooperation' when '2' then 'Material cooperation'
                               when '3' then 'Verbal conflict' else 'Material conflict' end""");
        };
    }

    private static List<EventCounts.Group> groups(RowSet<Row> rows) {
        Map<String, List<EventCounts.CountPeriod>> series = new LinkedHashMap<>();
        Map<String, Row> firstRow = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.getString("key");
            firstRow.putIfAbsent(key, r);
            long n = r.getLong("n");
            double baseline = r.getValue("baseline") == null ? 0 : ((Number) r.getValue("baseline")).doubleValue();
            Double change = ChangeBand.changePercent(n, baseline);
            Double mean = r.getValue("mean") == null ? null : ((Number) r.getValue("mean")).doubleValue();
            series.computeIfAbsent(key, k -> new ArrayList<>()).add(new EventCounts.CountPeriod(
                    r.getLocalDate("period"), n, mean, List.of(
                            new Period.QuadCount(1, r.getLong("q1")), new Period.QuadCount(2, r.getLong("q2")),
                            new Period.QuadCount(3, r.getLong("q3")), new Period.QuadCount(4, r.getLong("q4"))),
                    baseline, change, ChangeBand.of(n, change)));
        }
        List<EventCounts.Group> out = new ArrayList<>();
        firstRow.forEach((key, r) -> out.add(new EventCounts.Group(key, r.getString("label"),
                ((Number) r.getValue("total")).longValue(), series.get(key))));
        return out;
    }
}
