package org.parley.events.stats.repository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

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
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Event counts per group and period with each group's baseline, in ONE statement: the counts per
 * (group, period) of the periods shown and of the baseline periods before them — read from the
 * event_count rollup where it answers the filter, else counted from the matching events — the top
 * groups of the shown periods kept, every period of theirs filled in and a window function taking the
 * mean of the preceding periods.
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
     * periods read are [{@code first} − baselinePeriods, {@code last}]. Read from the event_count rollup
     * when it can answer the filter ({@link #rollupAnswers}), else counted from the events; both give
     * the same answer (CountsRollupTest).
     */
    public Uni<EventCounts> counts(EventFilter filter, CountGroup groupBy, String interval, LocalDate first,
            LocalDate last, int baselinePeriods, int limit) {
        return rollupAnswers(filter, groupBy)
                ? rollupCounts(filter, groupBy, interval, first, last, baselinePeriods, limit)
                : exactCounts(filter, groupBy, interval, first, last, baselinePeriods, limit);
    }

    /**
     * Whether event_count (V10, V12 migrations) holds the answer: it is split by period, group and
     * QuadClass, and for actor-scoped rows by one actor. So it answers any QuadClass filter; a root filter
     * when the groups are root codes; one actor for every grouping (the actor-scoped rows: its
     * counterparts, countries, places, root codes and the pairs of its events' participants). Text,
     * status, code, place and dyad filters and several actors (an event of two of them must count once)
     * need the events themselves.
     */
    public static boolean rollupAnswers(EventFilter f, CountGroup groupBy) {
        if (f.hasText() || !f.statuses().isEmpty() || !f.codes().isEmpty() || !f.places().isEmpty()
                || !f.dyad().isEmpty()) {
            return false;
        }
        if (!f.roots().isEmpty() && groupBy != CountGroup.ROOT) {
            return false;
        }
        return f.actors().stream().distinct().count() <= 1;
    }

    /** Counted from the matching events: any filter. */
    public Uni<EventCounts> exactCounts(EventFilter filter, CountGroup groupBy, String interval, LocalDate first,
            LocalDate last, int baselinePeriods, int limit) {
        EventFilter undated = new EventFilter(filter.actors(), filter.dyad(), filter.codes(), filter.roots(),
                filter.quads(), filter.statuses(), null, null, filter.places(), filter.text());
        EventQuery q = EventQuery.scan(undated);
        Window w = new Window(q::param, interval, first, last, baselinePeriods, limit);
        Grouping g = grouping(groupBy);
        // the mean as the rollup makes it: an exact numeric sum, then one division in double
        String counted = """
                with m as (
                    select %s as key, date_trunc(%s, e.start_date::timestamp)::date as period, e.goldstein, e.quad_class
                      from event e %s
                     where %s and e.start_date >= %s::date and e.start_date < %s::date%s
                ),
                c as (
                    select key, period, count(*) as n, sum(goldstein::numeric)::float8 / count(*) as mean,
                           count(*) filter (where quad_class = 1) as q1, count(*) filter (where quad_class = 2) as q2,
                           count(*) filter (where quad_class = 3) as q3, count(*) filter (where quad_class = 4) as q4
                      from m group by key, period
                ),
                top as (
                    select key, sum(n) as total, row_number() over (order by sum(n) desc, key) as rank
                      from c where period >= %s::date group by key order by total desc, key limit %s
                ),
                """.formatted(g.key(), w.unit, g.join(), q.scanWhere(), w.from, w.until, g.condition(), w.shownFrom,
                w.top);
        return answer(counted + w.tail(g, baselinePeriods), q.tuple(), groupBy, interval, first, last, baselinePeriods);
    }

    /**
     * Read from event_count: the top groups from the buckets of the periods shown (whole years when
     * the periods shown are whole years: a year's groups are one bucket each), then the series of
     * those groups only.
     */
    public Uni<EventCounts> rollupCounts(EventFilter filter, CountGroup groupBy, String interval, LocalDate first,
            LocalDate last, int baselinePeriods, int limit) {
        if (!rollupAnswers(filter, groupBy)) {
            throw new IllegalArgumentException("the rollup cannot answer this filter");
        }
        List<Object> args = new ArrayList<>();
        Function<Object, String> param = value -> {
            args.add(value);
            return "$" + args.size();
        };
        Window w = new Window(param, interval, first, last, baselinePeriods, limit);
        LocalDate until = plus(last, interval, 1);
        boolean wholeYears = !interval.equals("week") && first.getDayOfYear() == 1 && until.getDayOfYear() == 1;
        String level = level(interval);
        String topLevel = wholeYears ? "Y" : level;
        Rows rows = rows(groupBy, filter, param);
        // one year shown (the goal's query: a year per month) with no actor or QuadClass filter: the top
        // groups are the first entries of event_count_rank's range (V12), not a ranking of every group of
        // the year (58,938 dyads of a year at 1,000,000 events)
        boolean oneYear = wholeYears && until.equals(first.plusYears(1));
        String ranked = rows.rankedKind(filter);
        String top = oneYear && ranked != null
                ? """
                  with top as (
                      select key, n as total, row_number() over (order by n desc, key) as rank
                        from (select r.key, r.n from event_count_rank r
                               where r.kind = '%s' and r.bucket = %s::date and r.n > 0
                               order by r.n desc, r.key limit %s) r
                  ),
                  """.formatted(ranked, w.shownFrom, w.top)
                : """
                  with top as (
                      select key, sum(n) as total, row_number() over (order by sum(n) desc, key) as rank
                        from (%s) r
                       group by key having sum(n) > 0 order by total desc, key limit %s
                  ),
                  """.formatted(rows.select(topLevel, " and c.bucket >= " + w.shownFrom + "::date and c.bucket < "
                        + w.until + "::date", false), w.top);
        String counted = top + """
                c as (
                    select key, bucket as period, sum(n) as n,
                           case when sum(n) > 0 then sum(g)::float8 / sum(n) end as mean,
                           sum(q1) as q1, sum(q2) as q2, sum(q3) as q3, sum(q4) as q4
                      from (%s) r
                     group by key, bucket
                ),
                """.formatted(rows.select(level, " and c.bucket >= " + w.from + "::date and c.bucket < " + w.until
                + "::date", true));
        return answer(counted + w.tail(grouping(groupBy), baselinePeriods), Tuple.from(args), groupBy, interval,
                first, last, baselinePeriods);
    }

    private Uni<EventCounts> answer(String statement, Tuple args, CountGroup groupBy, String interval, LocalDate first,
            LocalDate last, int baselinePeriods) {
        return sql.query(statement, args)
                .map(rows -> new EventCounts(groupBy.name().toLowerCase(java.util.Locale.ROOT), interval, first, last,
                        baselinePeriods, groups(rows)));
    }

    /** The periods read and shown, as parameters, and the part of the statement both ways share. */
    private static final class Window {
        final String unit;
        final String from;
        final String shownFrom;
        final String until;
        final String lastPeriod;
        final String step;
        final String top;

        Window(Function<Object, String> param, String interval, LocalDate first, LocalDate last, int baselinePeriods,
                int limit) {
            unit = param.apply(interval);
            from = param.apply(plus(first, interval, -baselinePeriods));
            shownFrom = param.apply(first);
            until = param.apply(plus(last, interval, 1));
            lastPeriod = param.apply(last);
            step = param.apply("1 " + interval);
            top = param.apply(limit);
        }

        /**
         * Given c (key, period, n, mean, q1–q4) and top (key, total, rank): the top groups' labels, every
         * period of theirs filled in (zeros too, so that the baseline is a mean over periods, not over the
         * periods that happened to have events) and the window mean of the preceding periods.
         */
        String tail(Grouping g, int baselinePeriods) {
            return """
                    t as materialized (
                        -- materialized: the label's lookup once per group, not once per group and period
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
                    """.formatted(g.label(), from, lastPeriod, step, baselinePeriods, shownFrom);
        }
    }

    private static String level(String interval) {
        return switch (interval) {
            case "week" -> "W";
            case "month" -> "M";
            case "year" -> "Y";
            default -> throw new IllegalArgumentException("interval " + interval);
        };
    }

    private static final UUID UNSCOPED = new UUID(0, 0);

    /**
     * The rollup rows of one grouping as (key, bucket, n, g, q1–q4), the QuadClass filter applied by
     * leaving out the other classes' columns; {@code ofTop}: the raw keys (c.key) of the top groups' rows
     * (null: all rows are read); {@code also}: rows of another kind read with them.
     */
    private record Rows(String kind, String scope, String keyExpr, String join, String extra, String ofTop,
            String values, Rows also) {

        Rows(String kind, String scope, String values, String extra) {
            this(kind, scope, "c.key", "", extra, "array(select key from top)", values, null);
        }

        /** {@code buckets}: the condition on c.bucket; {@code topOnly}: the top groups' rows only. */
        String select(String level, String buckets, boolean topOnly) {
            String own = "select " + keyExpr + " as key, c.bucket, " + values + " from event_count c" + join
                    + " where c.level = '" + level + "' and c.kind = '" + kind + "' and c.scope = " + scope
                    + "::uuid" + buckets + extra + (topOnly && ofTop != null ? " and c.key = any(" + ofTop + ")" : "");
            return also == null ? own : also.select(level, buckets, topOnly) + " union all " + own;
        }

        /**
         * The kind whose unscoped year totals event_count_rank holds (V12) when it ranks these rows'
         * groups — unscoped, one row per group, every QuadClass counted — else null.
         */
        String rankedKind(EventFilter f) {
            boolean oneRowPerGroup = also == null && keyExpr.equals("c.key") && extra.isEmpty();
            return oneRowPerGroup && f.actors().isEmpty() && f.quads().isEmpty() && RANKED.contains(kind) ? kind : null;
        }
    }

    /** The kinds event_count_rank holds: actors, dyads, locations, countries. */
    private static final List<String> RANKED = List.of("A", "D", "L", "C");

    private static Rows rows(CountGroup groupBy, EventFilter f, Function<Object, String> param) {
        List<Integer> quads = f.quads();
        IntFunction<String> q = k -> quads.isEmpty() || quads.contains(k) ? "c.q" + k : "0";
        IntFunction<String> gs = k -> quads.isEmpty() || quads.contains(k) ? "c.g" + k : "0";
        String values = "%s + %s + %s + %s as n, %s + %s + %s + %s as g, %s as q1, %s as q2, %s as q3, %s as q4"
                .formatted(q.apply(1), q.apply(2), q.apply(3), q.apply(4), gs.apply(1), gs.apply(2), gs.apply(3),
                        gs.apply(4), q.apply(1), q.apply(2), q.apply(3), q.apply(4));
        UUID actor = f.actors().isEmpty() ? null : f.actors().get(0);
        String scope = param.apply(actor == null ? UNSCOPED : actor);
        return switch (groupBy) {
            case ACTOR -> actor == null
                    ? new Rows("A", scope, values, "")
                    // each counterpart's events with the actor, and the actor's own events
                    : new Rows("P", scope, "c.key", "", "", "array(select key from top)", values,
                            new Rows("A", param.apply(UNSCOPED), values, " and c.key = " + param.apply(actor.toString())));
            case DYAD -> actor == null
                    ? new Rows("D", scope, values, "")
                    // the actor's events' pairs: those of the actor and a counterpart (P, keyed by the
                    // counterpart, written as the pair) and those of two others (E)
                    : new Rows("P", scope, "case when c.scope < c.key::uuid then c.scope::text || ',' || c.key"
                            + " else c.key || ',' || c.scope::text end", "", "",
                            "array(select k from top cross join unnest(string_to_array(top.key, ',')) as k)", values,
                            new Rows("E", scope, values, ""));
            case PLACE -> new Rows("L", scope, values, "");
            case COUNTRY -> new Rows("C", scope, values, "");
            case ROOT -> new Rows("R", scope, values,
                    f.roots().isEmpty() ? "" : " and c.key = any(" + param.apply(f.roots().toArray(String[]::new)) + ")");
            // one row per QuadClass out of each root code's row
            case QUAD -> new Rows("R", scope, "x.key", " cross join lateral (values ('1', " + q.apply(1) + ", "
                    + gs.apply(1) + "), ('2', " + q.apply(2) + ", " + gs.apply(2) + "), ('3', " + q.apply(3) + ", "
                    + gs.apply(3) + "), ('4', " + q.apply(4) + ", " + gs.apply(4) + ")) as x(key, n, g)", "", null,
                    "x.n as n, x.g as g, case x.key when '1' then x.n else 0 end as q1, "
                            + "case x.key when '2' then x.n else 0 end as q2, case x.key when '3' then x.n else 0 end as q3, "
                            + "case x.key when '4' then x.n else 0 end as q4", null);
        };
    }

    /** How a group's key, its join and its label are written in SQL (the exact statement; labels both ways). */
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
