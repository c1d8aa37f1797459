package org.parley.events.event.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.events.db.Sql;
import org.parley.events.event.Event;
import org.parley.events.event.EventChange;
import org.parley.events.event.EventFilter;
import org.parley.events.event.EventStatus;
import org.parley.events.event.Precision;
import org.parley.events.event.RelationKind;
import org.parley.events.event.Role;
import org.parley.events.event.ParticipantEvents;
import org.parley.events.event.SourceInput;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL for the event aggregate over the reactive client. Reads assemble an event and all its
 * children in the same statement; writes run on the caller's transaction connection.
 */
@ApplicationScoped
public class EventRepository {

    /** The channel every replica LISTENs on; a notification only says "the change log grew". */
    public static final String CHANNEL = "parley_events";

    /** Columns of an event aliased {@code e}, children aggregated as JSON. */
    static final String EVENT_COLUMNS = """
            e.id, e.title, e.summary, e.code, e.goldstein, e.quad_class, e.root_code, e.status,
            e.start_date, e.end_date, e.precision, e.location_id, e.metrics, e.version, e.created_at, e.updated_at,
            coalesce((select json_agg(s.place_id order by s.ordinal) from event_subject s where s.event_id = e.id), '[]') as subject_ids,
            coalesce((select json_agg(json_build_object('actorId', p.actor_id, 'role', p.role) order by p.ordinal)
                      from event_participant p where p.event_id = e.id), '[]') as participants,
            coalesce((select json_agg(json_build_object('id', s.id, 'url', s.url, 'publisher', s.publisher, 'title', s.title,
                          'publishedAt', s.published_at, 'excerpt', s.excerpt, 'speakerId', s.speaker_id) order by s.seq)
                      from event_source s where s.event_id = e.id), '[]') as sources,
            coalesce((select json_agg(json_build_object('kind', r.kind, 'eventId', r.related_id) order by r.kind, r.related_id)
                      from event_relation r where r.event_id = e.id), '[]') as related,
            coalesce((select json_agg(x.external_id order by x.external_id) from event_external_id x where x.event_id = e.id), '[]') as external_ids
            """;

    private final Sql sql;
    private final SearchIndex searchIndex;
    private final TextRanking textRanking;
    private final int countLimit;
    private final boolean rankWithTerms;
    private final boolean rankWithPairs;

    public EventRepository(Sql sql, SearchIndex searchIndex, TextRanking textRanking, EventQueryConfig config) {
        this.sql = sql;
        this.searchIndex = searchIndex;
        this.textRanking = textRanking;
        this.countLimit = config.countLimit();
        this.rankWithTerms = config.rankWithTerms();
        this.rankWithPairs = config.rankWithPairs();
    }

    // ---------------------------------------------------------------- reads

    /** Null when there is no such event. */
    public Uni<Event> findEventById(UUID id) {
        return findEventById(null, id);
    }

    /** Null when there is no such event; on {@code c} (a write's transaction) unless null. */
    public Uni<Event> findEventById(SqlConnection c, UUID id) {
        String select = "select " + EVENT_COLUMNS + " from event e where e.id = $1";
        return (c == null ? sql.query(select, Tuple.of(id)) : sql.query(c, select, Tuple.of(id)))
                .map(rows -> rows.size() == 0 ? null : toEvent(rows.iterator().next()));
    }

    /** Found events in the order of {@code ids}; unknown ids are absent. One statement. */
    public Uni<List<Event>> findEventsByIds(List<UUID> ids) {
        return sql.query("select " + EVENT_COLUMNS + " from unnest($1::uuid[]) with ordinality as w(id, ord)"
                + " join event e on e.id = w.id order by w.ord", Tuple.of(ids.toArray(UUID[]::new)))
                .map(EventRepository::toEvents);
    }

    public enum Sort { START_DESC, START_ASC, RELEVANCE }

    /**
     * Keyset position: the last item's start (or rank) and id; for a text ranked by its lead word (see
     * {@link TextRanking}), that word, so every page of one query is ranked by the same word.
     */
    public record Position(LocalDate start, Float rank, UUID id, String lead) {

        public Position(LocalDate start, Float rank, UUID id) {
            this(start, rank, id, null);
        }
    }

    public record Slice(List<Event> items, Position next) {
    }

    /** A number of matches: exact, or the count limit when there are more ({@code exact} false). */
    public record Count(long value, boolean exact) {
    }

    /**
     * One page of the events matching {@code filter}. Ordered by date with actors, a dyad or places in
     * the filter, it walks their event_key ranges (see {@link EventQuery}); otherwise it scans events.
     */
    public Uni<Slice> searchEvents(EventFilter filter, Sort sort, Position after, int limit) {
        return searchEvents(filter, sort, after, limit, rankWithTerms);
    }

    /**
     * {@link #searchEvents(EventFilter, Sort, Position, int)}, reading relevance pages from event_term only
     * when {@code withTerms} (false: every match ranked, the same page; public for the test that compares).
     */
    public Uni<Slice> searchEvents(EventFilter filter, Sort sort, Position after, int limit, boolean withTerms) {
        if (sort == Sort.RELEVANCE && filter.hasText() && !searchIndex.rum()) {
            return textRanking.plan(filter.text().trim()).flatMap(found -> {
                TextRanking.Plan plan = found.ledBy(after == null ? null : after.lead());
                if (plan.empty()) {
                    return Uni.createFrom().item(new Slice(List.of(), null));
                }
                if (!withTerms || plan.lead() == null) {
                    return scanEvents(filter, sort, plan, after, limit);
                }
                return plan.pair() != null && rankWithPairs ? pairEvents(filter, plan, after, limit)
                        : plan.walk() ? termEvents(filter, plan, after, limit) : scanEvents(filter, sort, plan, after, limit);
            });
        }
        return sort != Sort.RELEVANCE && EventQuery.walkable(filter)
                ? walkEvents(filter, sort == Sort.START_ASC, after, limit)
                : scanEvents(filter, sort, null, after, limit);
    }

    /**
     * A relevance page led by {@code plan}'s lead word: that word's event_term range (V11 migration), already
     * in the order rank desc, id desc, from the cursor on; each entry's event tested against the whole filter
     * (the text's own match included, so the matches are the text filter's). One range read that stops after
     * a page when the matches are common; a page of a rare combination reads more of the range. The test is a
     * LATERAL subquery with a LIMIT, which the planner cannot turn into a join: TextRanking chose this walk
     * over the GIN matches, and the planner's guess for phrases (it took "nuclear infrastructure" for rare:
     * 4,922 rows fetched instead of ~500) must not undo that.
     */
    private Uni<Slice> termEvents(EventFilter filter, TextRanking.Plan plan, Position after, int limit) {
        EventQuery q = EventQuery.scan(filter);
        return rangeEvents(q, "event_term t", "t.lexeme = " + q.param(plan.lead()), "t.score", plan, after, limit);
    }

    /**
     * A relevance page of a phrase led by one of its words: the event_pair range (V13 migration) of the
     * phrase's adjacent pair that holds the lead, ordered by the lead's score (the first or the second word's
     * column, each with its own index), otherwise as {@link #termEvents}: the same entries in the same order,
     * minus the events that hold the lead but not next to the other word, which the word's range would test
     * one row each before a page is full.
     */
    private Uni<Slice> pairEvents(EventFilter filter, TextRanking.Plan plan, Position after, int limit) {
        EventQuery q = EventQuery.scan(filter);
        TextRanking.Pair pair = plan.pair();
        String range = "t.first = " + q.param(pair.first()) + " and t.second = " + q.param(pair.second());
        return rangeEvents(q, "event_pair t", range, plan.leadFirst() ? "t.first_score" : "t.second_score", plan, after, limit);
    }

    /**
     * Walks the entries of {@code table} (alias {@code t}) where {@code range}, an index range ordered by
     * {@code score} desc, event_id desc, from the cursor on, each entry's event tested against the whole
     * filter, up to a page and one.
     */
    private Uni<Slice> rangeEvents(EventQuery q, String table, String range, String score, TextRanking.Plan plan,
            Position after, int limit) {
        String cursor = after == null ? ""
                : " and (" + score + ", t.event_id) < (" + q.param(after.rank()) + "::real, " + q.param(after.id()) + "::uuid)";
        String statement = "select " + EVENT_COLUMNS + ", " + score + " as rank from " + table
                + " cross join lateral (select e.* from event e where e.id = t.event_id and " + q.scanWhere() + " limit 1) e"
                + " where " + range + cursor
                + " order by " + score + " desc, t.event_id desc limit " + q.param(limit + 1);
        return sql.query(statement, q.tuple()).map(rows -> slice(rows, limit, plan.lead()));
    }

    private Uni<Slice> walkEvents(EventFilter filter, boolean ascending, Position after, int limit) {
        EventQuery q = EventQuery.walk(filter);
        String dir = ascending ? "asc" : "desc";
        if (after != null) {
            q.whereKey("(k.start_date, k.event_id) " + (ascending ? ">" : "<") + " (" + q.param(after.start())
                    + "::date, " + q.param(after.id()) + "::uuid)");
        }
        String take = q.param(limit + 1);
        // Each key's first limit+1 matches (one index range each, in order); the page is the first
        // limit+1 of their union: an event of several keys is kept once.
        String statement = "select " + EVENT_COLUMNS + ", 0::real as rank from event e where e.id in ("
                + "select w.event_id from unnest(" + q.walkKeys() + ") as g(key) cross join lateral (select k.event_id "
                + q.walkFrom("g.key") + " order by k.start_date " + dir + ", k.event_id " + dir + " limit " + take + ") w)"
                + " order by e.start_date " + dir + ", e.id " + dir + " limit " + take;
        return sql.query(statement, q.tuple()).map(rows -> slice(rows, limit, null));
    }

    private Uni<Slice> scanEvents(EventFilter filter, Sort sort, TextRanking.Plan plan, Position after, int limit) {
        EventQuery q = EventQuery.scan(filter);
        boolean rum = searchIndex.rum();
        q.rankBy(plan);
        String rank = q.rankExpression(rum);
        if (after != null) {
            switch (sort) {
                case START_DESC -> q.whereEvent("(e.start_date, e.id) < (" + q.param(after.start()) + "::date, " + q.param(after.id()) + "::uuid)");
                case START_ASC -> q.whereEvent("(e.start_date, e.id) > (" + q.param(after.start()) + "::date, " + q.param(after.id()) + "::uuid)");
                case RELEVANCE -> q.whereEvent("(" + rank + ", e.id) < (" + q.param(after.rank()) + "::real, " + q.param(after.id()) + "::uuid)");
            }
        }
        String order = switch (sort) {
            case START_DESC -> "e.start_date desc, e.id desc";
            case START_ASC -> "e.start_date asc, e.id asc";
            case RELEVANCE -> q.rankOrder(rum);
        };
        String statement = "select " + EVENT_COLUMNS + ", " + rank + " as rank from event e where " + q.scanWhere()
                + " order by " + order + " limit " + q.param(limit + 1);
        return sql.query(statement, q.tuple()).map(rows -> slice(rows, limit, plan == null ? null : plan.lead()));
    }

    private static Slice slice(RowSet<Row> rows, int limit, String lead) {
        List<Event> items = new ArrayList<>();
        Float lastRank = null;
        Position next = null;
        for (Row row : rows) {
            if (items.size() == limit) {
                Event last = items.get(items.size() - 1);
                next = new Position(last.start(), lastRank, last.id(), lead);
                break;
            }
            items.add(toEvent(row));
            lastRank = row.getFloat("rank");
        }
        return new Slice(items, next);
    }

    /**
     * How many events match {@code filter}, up to the count limit: a separate statement, asked for only
     * when wanted. It reads the matches (index entries, mostly) until one past the limit, so its cost is
     * bounded by the limit, not by the number of matches.
     */
    public Uni<Count> countEvents(EventFilter filter) {
        String matches;
        EventQuery q;
        if (EventQuery.walkable(filter)) {
            q = EventQuery.walk(filter);
            // over several keys an event may be found under more than one
            matches = "select distinct k.event_id " + q.walkFrom("any(" + q.walkKeys() + ")");
        } else {
            q = EventQuery.scan(filter);
            matches = "select from event e where " + q.scanWhere();
        }
        String statement = "select count(*) as n from (" + matches + limitClause(q) + ") m";
        return sql.query(statement, q.tuple()).map(rows -> count(rows.iterator().next().getLong("n")));
    }

    /** {@code limit} one past the count limit (empty when counting is unlimited). */
    private String limitClause(EventQuery q) {
        return countLimit > 0 ? " limit " + q.param(countLimit + 1) : "";
    }

    /** A count read with {@link #limitClause}: more than the limit is the limit, not exact. */
    private Count count(Long counted) {
        if (counted == null) {
            return null;
        }
        return countLimit > 0 && counted > countLimit ? new Count(countLimit, false) : new Count(counted, true);
    }

    /**
     * Each actor's most recent {@code limit} events matching {@code filter} (with its total when
     * {@code count}), in ONE statement: a LATERAL subquery per actor id walking that actor's event_key
     * range, so the gateway's Actor.events costs one round trip whatever the number of actors.
     */
    public Uni<List<ParticipantEvents>> findEventsByParticipants(List<UUID> actors, EventFilter filter, Sort sort,
            int limit, boolean count) {
        if (sort == Sort.RELEVANCE && filter.hasText() && !searchIndex.rum()) {
            // ranked as listEvents ranks the same text (its later pages), by scanning each actor's matches
            return textRanking.plan(filter.text().trim())
                    .flatMap(plan -> findEventsByParticipants(actors, filter, sort, plan, limit, count));
        }
        return findEventsByParticipants(actors, filter, sort, null, limit, count);
    }

    private Uni<List<ParticipantEvents>> findEventsByParticipants(List<UUID> actors, EventFilter filter, Sort sort,
            TextRanking.Plan plan, int limit, boolean count) {
        boolean byRank = sort == Sort.RELEVANCE;
        boolean rum = searchIndex.rum();
        EventQuery q = byRank ? EventQuery.scan(filter) : EventQuery.walkEach(filter);
        q.rankBy(plan);
        String actorsParam = q.param(actors.toArray(UUID[]::new));
        String limitParam = q.param(limit);
        String dir = sort == Sort.START_ASC ? "asc" : "desc";
        String matches;
        String page;
        if (byRank) {
            String where = "e.id in (select x.event_id from event_key x where x.key = a.actor_id) and " + q.scanWhere();
            matches = "select from event e where " + where;
            page = "select " + EVENT_COLUMNS + ", " + q.rankExpression(rum) + " as rank from event e where " + where
                    + " order by " + q.rankOrder(rum) + " limit " + limitParam;
        } else {
            matches = "select " + q.walkFrom("a.actor_id");
            page = "select " + EVENT_COLUMNS + ", 0::real as rank from (select k.event_id " + q.walkFrom("a.actor_id")
                    + " order by k.start_date " + dir + ", k.event_id " + dir + " limit " + limitParam + ") w"
                    + " join event e on e.id = w.event_id";
        }
        String outerOrder = byRank ? "ev.rank desc, ev.id desc" : "ev.start_date " + dir + ", ev.id " + dir;
        String statement = "select a.actor_id as for_actor, a.ord, " + (count ? "t.total" : "null::bigint as total")
                + ", ev.* from unnest(" + actorsParam + "::uuid[]) with ordinality as a(actor_id, ord)"
                + (count ? " cross join lateral (select count(*) as total from (" + matches + limitClause(q) + ") m) t" : "")
                + " left join lateral (" + page + ") ev on true"
                + " order by a.ord, " + outerOrder;
        return sql.query(statement, q.tuple()).map(rows -> {
            Map<UUID, ParticipantEvents> byActor = new LinkedHashMap<>();
            for (Row row : rows) {
                UUID actor = row.getUUID("for_actor");
                Count total = count(row.getLong("total"));
                ParticipantEvents group = byActor.computeIfAbsent(actor, k -> new ParticipantEvents(k,
                        new ArrayList<>(), total == null ? null : total.value(), total == null ? null : total.exact()));
                if (row.getUUID("id") != null) {
                    group.items().add(toEvent(row));
                }
            }
            return new ArrayList<>(byActor.values());
        });
    }

    // ---------------------------------------------------------------- catalogue and reference checks

    public record TypeInfo(String code, String rootCode, int quadClass, double goldstein) {
    }

    public Uni<Map<String, TypeInfo>> findEventTypes(SqlConnection c, Set<String> codes) {
        return sql.query(c, "select code, root_code, quad_class, goldstein from event_type where code = any($1)",
                Tuple.of(codes.toArray(String[]::new))).map(rows -> {
                    Map<String, TypeInfo> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getString("code"), new TypeInfo(r.getString("code"),
                            r.getString("root_code"), r.getInteger("quad_class"), r.getDouble("goldstein"))));
                    return out;
                });
    }

    public Uni<Set<UUID>> findExistingPlaces(SqlConnection c, Set<UUID> ids) {
        return sql.query(c, "select id from place where id = any($1)", Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> uuids(rows, "id"));
    }

    public Uni<Set<String>> findUsedExternalIds(SqlConnection c, Set<String> externalIds) {
        return sql.query(c, "select external_id from event_external_id where external_id = any($1)",
                Tuple.of(externalIds.toArray(String[]::new))).map(rows -> {
                    Set<String> out = new java.util.HashSet<>();
                    rows.forEach(r -> out.add(r.getString("external_id")));
                    return out;
                });
    }

    /** The event each of {@code externalIds} belongs to, for those stored. */
    public Uni<Map<String, UUID>> findExternalIdOwners(SqlConnection c, Set<String> externalIds) {
        return sql.query(c, "select external_id, event_id from event_external_id where external_id = any($1)",
                Tuple.of(externalIds.toArray(String[]::new))).map(rows -> {
                    Map<String, UUID> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getString("external_id"), r.getUUID("event_id")));
                    return out;
                });
    }

    /**
     * Serialises the caller's transaction with every other batch writing one of these stories, until it
     * ends: a transaction-scoped advisory lock per key, taken in one statement in hash order (the volatile
     * lock function is evaluated after the sort), so two batches sharing stories cannot deadlock.
     */
    public Uni<Void> lockStories(SqlConnection c, Set<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.query(c, """
                select pg_advisory_xact_lock(h.hash)
                from (select distinct hashtextextended(k, 17) as hash from unnest($1::text[]) as k) h
                order by h.hash
                """, Tuple.of(keys.toArray(String[]::new))).replaceWithVoid();
    }

    /** A stored story's event: its id, metrics and sources (url/title pairs, see the service's Stories). */
    public record StoryEvent(UUID id, String key, Map<String, Double> metrics, List<String[]> sources) {
    }

    /** The stored events of these story keys, locked for update, each with its metrics and sources. */
    public Uni<Map<String, StoryEvent>> findStoryEvents(SqlConnection c, Set<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return sql.query(c, """
                select e.id, e.story_key, e.metrics,
                    coalesce((select json_agg(json_build_array(s.url, s.title) order by s.seq)
                              from event_source s where s.event_id = e.id), '[]') as sources
                from event e where e.story_key = any($1)
                for update of e
                """, Tuple.of(keys.toArray(String[]::new))).map(rows -> {
                    Map<String, StoryEvent> out = new HashMap<>();
                    for (Row r : rows) {
                        List<String[]> sources = new ArrayList<>();
                        ((JsonArray) r.getValue("sources")).forEach(o -> {
                            JsonArray pair = (JsonArray) o;
                            sources.add(new String[] { pair.getString(0), pair.getString(1) });
                        });
                        Object metrics = r.getValue("metrics");
                        out.put(r.getString("story_key"), new StoryEvent(r.getUUID("id"), r.getString("story_key"),
                                metrics instanceof JsonObject m ? toMetrics(m) : null, sources));
                    }
                    return out;
                });
    }

    // ---------------------------------------------------------------- writes (caller's transaction)

    /**
     * Stored events that reports were merged into: their new metrics, a new version and updated_at, as any
     * update (so the change feed and If-Match see a change). One statement for all of them.
     */
    public Uni<Void> updateStoryEvents(SqlConnection c, List<UUID> ids, List<JsonObject> metrics) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.query(c, """
                update event e set metrics = t.metrics::jsonb, version = e.version + 1, updated_at = now()
                from unnest($1::uuid[], $2::text[]) as t(id, metrics)
                where e.id = t.id
                """, Tuple.of(ids.toArray(UUID[]::new),
                metrics.stream().map(m -> m == null ? null : m.encode()).toArray(String[]::new))).replaceWithVoid();
    }

    /** The columns of the event row itself, derived values included. */
    public record EventRow(UUID id, String title, String summary, TypeInfo type, EventStatus status,
            LocalDate start, LocalDate end, Precision precision, LocalDate endExclusive, UUID locationId,
            JsonObject metrics, String storyKey) {

        public EventRow withStory(String key, JsonObject storyMetrics) {
            return new EventRow(id, title, summary, type, status, start, end, precision, endExclusive, locationId,
                    storyMetrics, key);
        }
    }

    /**
     * A new or rewritten event's children, de-duplicated as stored. {@code sources} and
     * {@code externalIds} are null when not given (a replacement then keeps the stored ones).
     */
    public record EventChildren(UUID eventId, List<UUID> actors, List<Role> roles, List<UUID> subjects,
            List<SourceInput> sources, List<String> externalIds) {

        /** Only sources, to append them to a stored event. */
        public static EventChildren sourcesOf(UUID eventId, List<SourceInput> sources) {
            return new EventChildren(eventId, List.of(), List.of(), List.of(), sources, null);
        }

        List<SourceInput> sourcesOrEmpty() {
            return sources == null ? List.of() : sources;
        }

        List<String> externalIdsOrEmpty() {
            return externalIds == null ? List.of() : externalIds;
        }
    }

    /**
     * Inserts events in ONE statement, in the order given, each with its full-text vector computed
     * from its row and {@code children}' sources (so a batch writes each event row once, instead of
     * inserting it and then updating it as {@link #refreshSearch} does after a replacement).
     * {@code rows.get(i)} and {@code children.get(i)} are the same event.
     */
    public Uni<Void> insertEvents(SqlConnection c, List<EventRow> rows, List<EventChildren> children) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] titles = new String[n];
        String[] summaries = new String[n];
        String[] codes = new String[n];
        String[] roots = new String[n];
        Integer[] quads = new Integer[n];
        Double[] goldsteins = new Double[n];
        String[] statuses = new String[n];
        LocalDate[] starts = new LocalDate[n];
        LocalDate[] ends = new LocalDate[n];
        String[] precisions = new String[n];
        LocalDate[] endsExclusive = new LocalDate[n];
        UUID[] locations = new UUID[n];
        String[] metrics = new String[n];
        String[] storyKeys = new String[n];
        List<Integer> sourceEvent = new ArrayList<>();
        List<String> sourceTitles = new ArrayList<>();
        List<String> sourceExcerpts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EventRow r = rows.get(i);
            ids[i] = r.id();
            titles[i] = r.title();
            summaries[i] = r.summary();
            codes[i] = r.type().code();
            roots[i] = r.type().rootCode();
            quads[i] = r.type().quadClass();
            goldsteins[i] = r.type().goldstein();
            statuses[i] = r.status().name();
            starts[i] = r.start();
            ends[i] = r.end();
            precisions[i] = r.precision().name();
            endsExclusive[i] = r.endExclusive();
            locations[i] = r.locationId();
            metrics[i] = r.metrics() == null ? null : r.metrics().encode();
            storyKeys[i] = r.storyKey();
            for (SourceInput s : children.get(i).sourcesOrEmpty()) {
                sourceEvent.add(i + 1);
                sourceTitles.add(s.title());
                sourceExcerpts.add(s.excerpt());
            }
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(titles).addArrayOfString(summaries)
                .addArrayOfString(codes).addArrayOfString(roots).addArrayOfInteger(quads).addArrayOfDouble(goldsteins)
                .addArrayOfString(statuses).addArrayOfLocalDate(starts).addArrayOfLocalDate(ends)
                .addArrayOfString(precisions).addArrayOfLocalDate(endsExclusive).addArrayOfUUID(locations)
                .addArrayOfString(metrics).addArrayOfInteger(sourceEvent.toArray(Integer[]::new))
                .addArrayOfString(sourceTitles.toArray(String[]::new))
                .addArrayOfString(sourceExcerpts.toArray(String[]::new)).addArrayOfString(storyKeys);
        return sql.query(c, """
                with src as (
                    select s.event_ord, %s as text
                    from unnest($15::int[], $16::text[], $17::text[]) with ordinality as s(event_ord, title, excerpt, ord)
                    group by s.event_ord)
                insert into event (id, title, summary, code, root_code, quad_class, goldstein, status, start_date,
                    end_date, precision, end_exclusive, location_id, metrics, story_key, search)
                select t.id, t.title, t.summary, t.code, t.root_code, t.quad_class, t.goldstein, t.status, t.start_date,
                    t.end_date, t.precision, t.end_exclusive, t.location_id, t.metrics::jsonb, t.story_key, %s
                from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::float8[],
                        $8::text[], $9::date[], $10::date[], $11::text[], $12::date[], $13::uuid[], $14::text[],
                        $18::text[])
                    with ordinality as t(id, title, summary, code, root_code, quad_class, goldstein, status, start_date,
                        end_date, precision, end_exclusive, location_id, metrics, story_key, ord)
                left join src on src.event_ord = t.ord
                order by t.ord
                """.formatted(sourceText("ord"), searchVector("t.title", "t.summary", "src.text")), args).replaceWithVoid();
    }

    /**
     * The text a group of sources {@code s} adds to the full-text vector: their titles and excerpts in
     * the order they were added ({@code order}: the column that holds it).
     */
    private static String sourceText(String order) {
        return "string_agg(concat_ws(' ', s.title, s.excerpt), ' ' order by s." + order + ")";
    }

    /** The full-text vector: title (weight A), summary (B), the sources' text (C, see {@link #sourceText}). */
    private static String searchVector(String title, String summary, String sources) {
        return "setweight(to_tsvector('english', " + title + "), 'A')"
                + " || setweight(to_tsvector('english', coalesce(" + summary + ", '')), 'B')"
                + " || setweight(to_tsvector('english', coalesce(" + sources + ", '')), 'C')";
    }

    /**
     * Updates the row when {@code version} is current; false when stale or missing (nothing changed). An
     * event replaced by hand leaves its story ({@code story_key} null): its day, actors or place may no longer
     * be the story's, and a manual event is never merged into.
     */
    public Uni<Boolean> updateEvent(SqlConnection c, EventRow r, long version, boolean replaceMetrics) {
        Tuple args = rowArgs(r).addLong(version);
        return sql.query(c, """
                update event set title = $2, summary = $3, code = $4, root_code = $5, quad_class = $6, goldstein = $7,
                    status = $8, start_date = $9, end_date = $10, precision = $11, end_exclusive = $12,
                    location_id = $13, metrics = case when %s then $14::jsonb else metrics end,
                    story_key = null, version = version + 1, updated_at = now()
                where id = $1 and version = $15
                """.formatted(replaceMetrics ? "true" : "false"), args).map(rows -> rows.rowCount() == 1);
    }

    private static Tuple rowArgs(EventRow r) {
        return Tuple.tuple().addUUID(r.id()).addString(r.title()).addString(r.summary()).addString(r.type().code())
                .addString(r.type().rootCode()).addInteger(r.type().quadClass()).addDouble(r.type().goldstein())
                .addString(r.status().name()).addLocalDate(r.start()).addLocalDate(r.end())
                .addString(r.precision().name()).addLocalDate(r.endExclusive()).addUUID(r.locationId())
                .addValue(r.metrics());
    }

    /** Null when the event does not exist. */
    public Uni<Long> findVersion(SqlConnection c, UUID id) {
        return sql.query(c, "select version from event where id = $1", Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("version"));
    }

    /** Marks the event changed (addSource, links): bumps version and updated_at. False when missing. */
    public Uni<Boolean> touchEvent(SqlConnection c, UUID id) {
        return sql.query(c, "update event set version = version + 1, updated_at = now() where id = $1", Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> replaceParticipants(SqlConnection c, EventChildren event) {
        return sql.query(c, "delete from event_participant where event_id = $1", Tuple.of(event.eventId()))
                .flatMap(x -> insertParticipants(c, List.of(event)));
    }

    /** The participants of all {@code events} in one statement (none for events that have none). */
    public Uni<Void> insertParticipants(SqlConnection c, List<EventChildren> events) {
        List<UUID> eventIds = new ArrayList<>();
        List<UUID> actors = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        for (EventChildren e : events) {
            for (int i = 0; i < e.actors().size(); i++) {
                eventIds.add(e.eventId());
                actors.add(e.actors().get(i));
                roles.add(e.roles().get(i).name());
                ordinals.add(i + 1);
            }
        }
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.query(c, """
                insert into event_participant (event_id, actor_id, role, ordinal)
                select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[])
                """, Tuple.of(eventIds.toArray(UUID[]::new), actors.toArray(UUID[]::new), roles.toArray(String[]::new),
                ordinals.toArray(Integer[]::new))).replaceWithVoid();
    }

    public Uni<Void> replaceSubjects(SqlConnection c, EventChildren event) {
        return sql.query(c, "delete from event_subject where event_id = $1", Tuple.of(event.eventId()))
                .flatMap(x -> insertSubjects(c, List.of(event)));
    }

    /** The subjects of all {@code events} in one statement (none for events that have none). */
    public Uni<Void> insertSubjects(SqlConnection c, List<EventChildren> events) {
        List<UUID> eventIds = new ArrayList<>();
        List<UUID> places = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        for (EventChildren e : events) {
            for (int i = 0; i < e.subjects().size(); i++) {
                eventIds.add(e.eventId());
                places.add(e.subjects().get(i));
                ordinals.add(i + 1);
            }
        }
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.query(c, """
                insert into event_subject (event_id, place_id, ordinal)
                select * from unnest($1::uuid[], $2::uuid[], $3::int[])
                """, Tuple.of(eventIds.toArray(UUID[]::new), places.toArray(UUID[]::new), ordinals.toArray(Integer[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> deleteSources(SqlConnection c, UUID id) {
        return sql.query(c, "delete from event_source where event_id = $1", Tuple.of(id)).replaceWithVoid();
    }

    /** Appends the sources of all {@code events} in one statement, each event's in the order given. */
    public Uni<Void> insertSources(SqlConnection c, List<EventChildren> events) {
        List<UUID> eventIds = new ArrayList<>();
        List<SourceInput> sources = new ArrayList<>();
        for (EventChildren e : events) {
            for (SourceInput s : e.sourcesOrEmpty()) {
                eventIds.add(e.eventId());
                sources.add(s);
            }
        }
        if (sources.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = sources.size();
        UUID[] ids = new UUID[n];
        String[] urls = new String[n];
        String[] publishers = new String[n];
        String[] titles = new String[n];
        OffsetDateTime[] published = new OffsetDateTime[n];
        String[] excerpts = new String[n];
        UUID[] speakers = new UUID[n];
        for (int i = 0; i < n; i++) {
            SourceInput s = sources.get(i);
            ids[i] = UUID.randomUUID();
            urls[i] = s.url();
            publishers[i] = s.publisher();
            titles[i] = s.title();
            published[i] = s.publishedAt() == null ? null : s.publishedAt().atOffset(ZoneOffset.UTC);
            excerpts[i] = s.excerpt();
            speakers[i] = s.speakerId();
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(eventIds.toArray(UUID[]::new)).addArrayOfUUID(ids)
                .addArrayOfString(urls).addArrayOfString(publishers).addArrayOfString(titles)
                .addArrayOfOffsetDateTime(published).addArrayOfString(excerpts).addArrayOfUUID(speakers);
        // in the order given: seq (identity) is the order sources are listed and searched in
        return sql.query(c, """
                insert into event_source (event_id, id, url, publisher, title, published_at, excerpt, speaker_id)
                select t.ev, t.id, t.url, t.pub, t.title, t.at, t.ex, t.sp
                from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::uuid[])
                    with ordinality as t(ev, id, url, pub, title, at, ex, sp, o)
                order by t.o
                """, args).replaceWithVoid();
    }

    /**
     * Claims the external ids of all {@code events} in one statement. Answers the events that did not
     * get all of theirs: those belong to another event (ON CONFLICT waits for a concurrent claimer, so
     * this holds under races). The ids are claimed in sorted order, so two batches claiming
     * overlapping ids wait for each other in one direction and cannot deadlock.
     */
    public Uni<Set<UUID>> claimExternalIds(SqlConnection c, List<EventChildren> events) {
        List<String> externalIds = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        Map<UUID, Integer> wanted = new HashMap<>();
        for (EventChildren e : events) {
            for (String x : e.externalIdsOrEmpty()) {
                externalIds.add(x);
                eventIds.add(e.eventId());
            }
            if (!e.externalIdsOrEmpty().isEmpty()) {
                wanted.put(e.eventId(), e.externalIdsOrEmpty().size());
            }
        }
        if (externalIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return sql.query(c, """
                insert into event_external_id (external_id, event_id)
                select t.x, t.ev from unnest($1::text[], $2::uuid[]) as t(x, ev)
                order by t.x
                on conflict (external_id) do nothing
                returning event_id
                """, Tuple.of(externalIds.toArray(String[]::new), eventIds.toArray(UUID[]::new))).map(rows -> {
                    rows.forEach(r -> wanted.merge(r.getUUID("event_id"), -1, Integer::sum));
                    Set<UUID> incomplete = new java.util.HashSet<>();
                    wanted.forEach((id, missing) -> {
                        if (missing > 0) {
                            incomplete.add(id);
                        }
                    });
                    return incomplete;
                });
    }

    public Uni<Void> deleteExternalIds(SqlConnection c, UUID eventId) {
        return sql.query(c, "delete from event_external_id where event_id = $1", Tuple.of(eventId)).replaceWithVoid();
    }

    public Uni<Boolean> deleteEvent(SqlConnection c, UUID id) {
        return sql.query(c, "delete from event where id = $1", Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    /** Deletes the events (their children go with them) in one statement. */
    public Uni<Void> deleteEvents(SqlConnection c, Set<UUID> ids) {
        return sql.query(c, "delete from event where id = any($1)", Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    public Uni<Boolean> eventExists(SqlConnection c, UUID id) {
        return sql.query(c, "select 1 from event where id = $1", Tuple.of(id)).map(rows -> rows.size() == 1);
    }

    public Uni<Void> insertLink(SqlConnection c, UUID id, RelationKind kind, UUID relatedId) {
        return sql.query(c, "insert into event_relation (event_id, kind, related_id) values ($1, $2, $3) on conflict do nothing",
                Tuple.of(id, kind.name(), relatedId)).replaceWithVoid();
    }

    public Uni<Boolean> deleteLink(SqlConnection c, UUID id, RelationKind kind, UUID relatedId) {
        return sql.query(c, "delete from event_relation where event_id = $1 and kind = $2 and related_id = $3",
                Tuple.of(id, kind.name(), relatedId)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * After a write of events with their participants and subjects: rewrites what is derived from them,
     * the full-text vector and the event_key rows (see {@link #refreshEventKeys}), once for all {@code ids}.
     */
    public Uni<Void> refreshDerived(SqlConnection c, List<UUID> ids) {
        return refreshSearch(c, ids).flatMap(x -> refreshEventKeys(c, ids));
    }

    /**
     * Rewrites the event_key rows the actor, dyad and place filters walk (V3 migration) for {@code ids}:
     * one set-based call for all of them.
     */
    public Uni<Void> refreshEventKeys(SqlConnection c, List<UUID> ids) {
        return sql.query(c, "select refresh_event_keys($1::uuid[])", Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Rewrites the full-text vector from the stored event and its sources (see {@link #searchVector}). */
    public Uni<Void> refreshSearch(SqlConnection c, List<UUID> ids) {
        return sql.query(c, """
                update event e set search = %s
                where e.id = any($1)
                """.formatted(searchVector("e.title", "e.summary",
                "(select " + sourceText("seq") + " from event_source s where s.event_id = e.id)")),
                Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    /**
     * Appends the changes to the change log (V4 migration) and wakes every replica's stream reader,
     * on the write's own transaction: the log rows and the wake-up exist only if and when it commits.
     * Called as the transaction's last statement, as it serialises writers up to their commit.
     */
    public Uni<Void> notifyChanges(SqlConnection c, EventChange change, List<UUID> ids) {
        return sql.query(c, "select record_event_changes($1, $2::uuid[])",
                Tuple.of(change.name(), ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    // ---------------------------------------------------------------- change log

    /**
     * Up to {@code limit} logged changes with {@code after < seq <= upTo}, in seq order, each with its
     * event as it is now (null once deleted). One statement.
     */
    public Uni<List<LoggedChange>> findChanges(long after, long upTo, int limit) {
        return sql.query("select c.seq, c.kind, c.event_id, " + EVENT_COLUMNS
                + " from event_change c left join event e on e.id = c.event_id"
                + " where c.seq > $1 and c.seq <= $2 order by c.seq limit $3", Tuple.of(after, upTo, limit))
                .map(rows -> {
                    List<LoggedChange> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(new LoggedChange(r.getLong("seq"), EventChange.valueOf(r.getString("kind")),
                                r.getUUID("event_id"), r.getUUID("id") == null ? null : toEvent(r)));
                    }
                    return out;
                });
    }

    /** The newest seq committed (or purged) so far, and the highest one purged. */
    public Uni<ChangeLogBounds> findChangeLogBounds() {
        return sql.query("""
                select greatest(coalesce((select max(seq) from event_change), 0), h.purged_through) as head,
                       h.purged_through
                from event_change_horizon h
                """, Tuple.tuple()).map(rows -> {
                    Row r = rows.iterator().next();
                    return new ChangeLogBounds(r.getLong("head"), r.getLong("purged_through"));
                });
    }

    /** Deletes changes logged before {@code cutoff}, remembering the highest seq gone; their count. */
    public Uni<Integer> purgeChangesBefore(OffsetDateTime cutoff) {
        return sql.query("""
                with gone as (delete from event_change where committed_at < $1 returning seq),
                     horizon as (update event_change_horizon set purged_through = greatest(purged_through, (select max(seq) from gone))
                                 where exists (select 1 from gone))
                select count(*) as purged from gone
                """, Tuple.of(cutoff)).map(rows -> rows.iterator().next().getInteger("purged"));
    }

    /** One row of the change log; {@code event} is the event as it is now, null once it is gone. */
    public record LoggedChange(long seq, EventChange change, UUID id, Event event) {
    }

    /** {@code head}: the newest seq; {@code purgedThrough}: changes up to it are no longer retained. */
    public record ChangeLogBounds(long head, long purgedThrough) {
    }

    // ---------------------------------------------------------------- row mapping

    static List<Event> toEvents(RowSet<Row> rows) {
        List<Event> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(toEvent(r)));
        return out;
    }

    static Event toEvent(Row r) {
        JsonArray participants = (JsonArray) r.getValue("participants");
        JsonArray sources = (JsonArray) r.getValue("sources");
        JsonArray related = (JsonArray) r.getValue("related");
        JsonArray subjects = (JsonArray) r.getValue("subject_ids");
        JsonArray externalIds = (JsonArray) r.getValue("external_ids");
        Object metrics = r.getValue("metrics");
        return new Event(
                r.getUUID("id"),
                r.getString("title"),
                r.getString("summary"),
                r.getString("code"),
                r.getDouble("goldstein"),
                r.getInteger("quad_class"),
                r.getString("root_code"),
                EventStatus.valueOf(r.getString("status")),
                r.getLocalDate("start_date"),
                r.getLocalDate("end_date"),
                Precision.valueOf(r.getString("precision")),
                r.getUUID("location_id"),
                subjects.stream().map(o -> UUID.fromString((String) o)).toList(),
                participants.stream().map(o -> (JsonObject) o)
                        .map(p -> new Event.Participant(UUID.fromString(p.getString("actorId")), Role.valueOf(p.getString("role"))))
                        .toList(),
                sources.stream().map(o -> (JsonObject) o).map(EventRepository::toSource).toList(),
                related.stream().map(o -> (JsonObject) o)
                        .map(l -> new Event.RelatedLink(RelationKind.valueOf(l.getString("kind")), UUID.fromString(l.getString("eventId"))))
                        .toList(),
                externalIds.stream().map(o -> (String) o).toList(),
                metrics instanceof JsonObject m ? toMetrics(m) : null,
                r.getLong("version"),
                r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant());
    }

    private static Event.Source toSource(JsonObject s) {
        String published = s.getString("publishedAt");
        String speaker = s.getString("speakerId");
        return new Event.Source(UUID.fromString(s.getString("id")), s.getString("url"), s.getString("publisher"),
                s.getString("title"), published == null ? null : instantOrNull(published),
                s.getString("excerpt"), speaker == null ? null : UUID.fromString(speaker));
    }

    /**
     * A time outside 0001–9999 stored before input was checked comes out of PostgreSQL's JSON as
     * "10000-01-01T…" or "…+00:00 BC", which no ISO 8601 parser reads: it is left out rather than
     * failing every read of the event (V7 cleared those that existed).
     */
    private static Instant instantOrNull(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Only finite numbers: a value written before input was checked (a string such as "NaN", a number
     * beyond a double's range) is left out rather than failing every read of the event; V7 removed
     * those that existed, this keeps a row written around the service from making pages unreadable.
     */
    static Map<String, Double> toMetrics(JsonObject json) {
        Map<String, Double> out = new LinkedHashMap<>();
        json.forEach(e -> {
            if (e.getValue() instanceof Number n && Double.isFinite(n.doubleValue())) {
                out.put(e.getKey(), n.doubleValue());
            }
        });
        return out;
    }

    private static Set<UUID> uuids(RowSet<Row> rows, String column) {
        Set<UUID> out = new java.util.HashSet<>();
        rows.forEach(r -> out.add(r.getUUID(column)));
        return out;
    }
}
