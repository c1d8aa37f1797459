package org.parley.events.stats.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.events.db.Sql;
import org.parley.events.stats.Counterparts;
import org.parley.events.stats.Period;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Aggregations over events; every one starts from an actor's (or a dyad's) entries. */
@ApplicationScoped
public class StatsRepository {

    private static final String PERIOD_COLUMNS = """
            date_trunc($1, k.start_date::timestamp)::date as period, count(*) as n, avg(k.goldstein) as mean,
            count(*) filter (where k.quad_class = 1) as q1, count(*) filter (where k.quad_class = 2) as q2,
            count(*) filter (where k.quad_class = 3) as q3, count(*) filter (where k.quad_class = 4) as q4
            """;

    private final Sql sql;

    public StatsRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Events in which every one of {@code actors} (one actor, or the two of a dyad) participates, per
     * interval of their start date. One event_key range (the actor's, or the dyad's key) read from its
     * index alone: dates, QuadClass and Goldstein are copied there.
     */
    public Uni<List<Period>> periods(List<UUID> actors, String interval, LocalDate from, LocalDate to) {
        Tuple args = Tuple.tuple().addString(interval);
        String key = switch (actors.size()) {
            case 1 -> "$2::uuid";
            case 2 -> "dyad_key($2::uuid, $3::uuid)";
            default -> throw new IllegalArgumentException("one actor or a dyad, not " + actors.size());
        };
        actors.forEach(args::addUUID);
        StringBuilder where = new StringBuilder("k.key = ").append(key);
        // [start, end_exclusive) overlaps the inclusive days [from, to]
        if (to != null) {
            args.addLocalDate(to);
            where.append(" and k.start_date <= $").append(args.size()).append("::date");
        }
        if (from != null) {
            args.addLocalDate(from);
            where.append(" and k.end_exclusive > $").append(args.size()).append("::date");
        }
        return sql.query("select " + PERIOD_COLUMNS + " from event_key k where " + where + " group by 1 order by 1", args)
                .map(StatsRepository::toPeriods);
    }

    /** Top co-participants of each actor, in one statement (row_number per actor). */
    public Uni<List<Counterparts.OfActor>> counterparts(List<UUID> actors, int limit) {
        return sql.query("""
                select actor_id, counterpart, n from (
                    select a.actor_id, a.ord, p2.actor_id as counterpart, count(distinct p2.event_id) as n,
                           row_number() over (partition by a.actor_id
                                              order by count(distinct p2.event_id) desc, p2.actor_id) as rn
                    from unnest($1::uuid[]) with ordinality as a(actor_id, ord)
                    join event_participant p1 on p1.actor_id = a.actor_id
                    join event_participant p2 on p2.event_id = p1.event_id and p2.actor_id <> p1.actor_id
                    group by a.actor_id, a.ord, p2.actor_id) ranked
                where rn <= $2
                order by ord, rn
                """, Tuple.of(actors.toArray(UUID[]::new), limit)).map(rows -> {
            Map<UUID, List<Counterparts.Counterpart>> byActor = new LinkedHashMap<>();
            actors.forEach(a -> byActor.put(a, new ArrayList<>()));
            for (Row r : rows) {
                byActor.get(r.getUUID("actor_id"))
                        .add(new Counterparts.Counterpart(r.getUUID("counterpart"), r.getLong("n")));
            }
            List<Counterparts.OfActor> out = new ArrayList<>();
            byActor.forEach((a, list) -> out.add(new Counterparts.OfActor(a, list)));
            return out;
        });
    }

    private static List<Period> toPeriods(RowSet<Row> rows) {
        List<Period> out = new ArrayList<>();
        for (Row r : rows) {
            Double mean = r.getValue("mean") == null ? null : ((Number) r.getValue("mean")).doubleValue();
            out.add(new Period(r.getLocalDate("period"), r.getLong("n"), mean, List.of(
                    new Period.QuadCount(1, r.getLong("q1")), new Period.QuadCount(2, r.getLong("q2")),
                    new Period.QuadCount(3, r.getLong("q3")), new Period.QuadCount(4, r.getLong("q4")))));
        }
        return out;
    }
}
