package org.parley.actors.actor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.parley.actors.actor.Actor;

@ApplicationScoped
@WithSession
public class ActorRepository implements PanacheRepositoryBase<Actor, UUID> {

    /**
     * Exactly the columns Actor maps: Hibernate Reactive fails on an unmapped column in a native
     * entity query, so "a.*" would break the day a migration adds one.
     */
    private static final String ACTOR_COLUMNS = "a.id, a.kind, a.name, a.aliases, a.country, a.cameo_code, "
            + "a.wikidata_id, a.description, a.resolution_key, a.match_key, a.search_text, a.event_count, a.version, "
            + "a.created_at, a.updated_at";

    /** One SELECT for the whole list; the caller's order is restored in memory. */
    public Uni<List<Actor>> findActorsByIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids).map(found -> {
            Map<UUID, Actor> byId = found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
            return ids.stream().map(byId::get).filter(a -> a != null).toList();
        });
    }

    /**
     * A page of actors in (name, id) order. Native SQL because the match runs on the generated,
     * folded search column through parley_fold(), which the trigram index serves.
     */
    public Uni<List<Actor>> searchActors(ActorFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(ACTOR_COLUMNS).append(" from actor a");
        appendWhere(sql, filter, true);
        sql.append(filter.text() == null ? " order by a.name, a.id" : " order by " + rank("a") + ", a.name, a.id");
        return getSession().chain(session -> {
            Mutiny.SelectionQuery<Actor> query = session.createNativeQuery(sql.toString(), Actor.class);
            bind(query, filter, true);
            return query.setMaxResults(limit).getResultList();
        });
    }

    public Uni<Long> countActors(ActorFilter filter) {
        StringBuilder sql = new StringBuilder("select count(*) from actor a");
        appendWhere(sql, filter, false);
        return getSession().chain(session -> {
            Mutiny.SelectionQuery<Long> query = session.createNativeQuery(sql.toString(), Long.class);
            bind(query, filter, false);
            return query.getSingleResult();
        });
    }

    private static void appendWhere(StringBuilder sql, ActorFilter filter, boolean withKeyset) {
        sql.append(" where true");
        if (filter.text() != null) {
            sql.append(" and a.search_text like ('%' || parley_fold(:text) || '%') escape '\\'");
        }
        if (!filter.kinds().isEmpty()) {
            sql.append(" and a.kind in (:kinds)");
        }
        if (filter.country() != null) {
            sql.append(" and a.country = :country");
        }
        if (withKeyset && filter.afterId() != null) {
            if (filter.text() == null) {
                sql.append(" and (a.name, a.id) > (:afterName, :afterId)");
            } else {
                // The cursor's actor's rank is read again rather than carried in the cursor: the cursor
                // stays (name, id), and the rank is always the database's own folding of the text.
                sql.append(" and (").append(rank("a")).append(", a.name, a.id) > (select ").append(rank("c"))
                        .append(", c.name, c.id from actor c where c.id = :afterId)");
            }
        }
    }

    /**
     * A text search's order, all ascending so that the keyset is one row comparison: 0 when the text is
     * a whole name or alias, 1 when a name or alias starts with it, 2 when it is inside one (search_text
     * is the folded name and aliases joined by newlines); then the most events first.
     */
    private static String rank(String alias) {
        String text = "(E'\\n' || " + alias + ".search_text || E'\\n')";
        return "case when " + text + " like ('%' || E'\\n' || parley_fold(:text) || E'\\n%') escape '\\' then 0"
                + " when " + text + " like ('%' || E'\\n' || parley_fold(:text) || '%') escape '\\' then 1"
                + " else 2 end, -" + alias + ".event_count";
    }

    private static void bind(Mutiny.SelectionQuery<?> query, ActorFilter filter, boolean withKeyset) {
        if (filter.text() != null) {
            query.setParameter("text", escapeLike(filter.text()));
        }
        if (!filter.kinds().isEmpty()) {
            query.setParameter("kinds", filter.kinds().stream().map(Enum::name).toList());
        }
        if (filter.country() != null) {
            query.setParameter("country", filter.country());
        }
        if (withKeyset && filter.afterId() != null) {
            if (filter.text() == null) {
                query.setParameter("afterName", filter.afterName());
            }
            query.setParameter("afterId", filter.afterId());
        }
    }

    /**
     * Inserts the actors whose key matches no actor yet (neither one created by resolve nor one
     * with the same CAMEO code and folded name), in one statement for the whole batch, and
     * answers the keys it inserted. ON CONFLICT DO NOTHING waits for a concurrent
     * transaction holding the same key and then skips it, so two importers never create the same
     * actor; rows go in key order so two overlapping batches lock keys in the same order and
     * cannot deadlock.
     *
     * @param itemsJson [{ord, kind, name, country, cameo_code}], see {@link #findResolvedActors}
     */
    public Uni<List<String>> insertMissingResolved(String itemsJson) {
        return getSession().chain(session -> session.createNativeQuery(INSERT_MISSING, String.class)
                .setParameter("items", itemsJson)
                .getResultList());
    }

    /**
     * The actor id for every item, as rows [ord, id, key] in item order: the actor resolve created
     * for the key if there is one (so an answer never changes once given), else the oldest actor
     * with that CAMEO code and folded name. A separate
     * statement on purpose: under READ COMMITTED it sees rows that concurrent batches committed
     * while the insert waited for them, which the insert's own snapshot does not.
     */
    public Uni<List<Object[]>> findResolvedActors(String itemsJson) {
        return getSession().chain(session -> session.createNativeQuery(FIND_RESOLVED, Object[].class)
                .setParameter("items", itemsJson)
                .getResultList());
    }

    /**
     * SECTOR_OF relationships [{from_id, to_id, to_code}]: to the actor to_id, or without one to the
     * oldest STATE with the CAMEO code to_code (none: no relationship). One that exists is left alone (a
     * unique partial index).
     */
    public Uni<Integer> insertSectorLinks(String linksJson) {
        return getSession().chain(session -> session.createNativeQuery(INSERT_SECTOR_LINKS)
                .setParameter("links", linksJson).executeUpdate());
    }

    /** Sets event_count from [{id, event_count}]; ids without an actor are skipped. */
    public Uni<Integer> setEventCounts(String countsJson) {
        return getSession().chain(session -> session.createNativeQuery(SET_EVENT_COUNTS)
                .setParameter("counts", countsJson).executeUpdate());
    }

    // Rows in key order, as in INSERT_MISSING: two concurrent batches lock the same pairs in one order.
    private static final String INSERT_SECTOR_LINKS = """
            insert into relationship (id, type, from_id, to_id)
            select gen_random_uuid(), 'SECTOR_OF', l.from_id, l.to_id
              from (select distinct t.from_id,
                           coalesce(t.to_id, (select s.id from actor s where s.cameo_code = t.to_code and s.kind = 'STATE'
                                               order by s.created_at, s.id limit 1)) as to_id
                      from jsonb_to_recordset(cast(cast(:links as text) as jsonb))
                           as t(from_id uuid, to_id uuid, to_code text)) l
             where l.to_id is not null and l.to_id <> l.from_id
             order by l.from_id, l.to_id
            on conflict (from_id, to_id) where type = 'SECTOR_OF' do nothing
            """;

    private static final String SET_EVENT_COUNTS = """
            update actor a set event_count = t.event_count
              from jsonb_to_recordset(cast(cast(:counts as text) as jsonb)) as t(id uuid, event_count bigint)
             where a.id = t.id and a.event_count <> t.event_count
            """;

    // The JSON goes in as text and is cast in SQL: binding it straight as jsonb would make the
    // driver encode the Java string as a JSON string literal.
    private static final String INPUT = """
            select t.ord, t.kind, btrim(t.name) as name, t.country, t.cameo_code,
                   parley_resolution_key(t.cameo_code, t.name) as key
              from jsonb_to_recordset(cast(cast(:items as text) as jsonb))
                   as t(ord int, kind text, name text, country text, cameo_code text)
            """;

    private static final String INSERT_MISSING = """
            with input as (%s),
            inserted as (
                insert into actor (id, kind, name, country, cameo_code, resolution_key)
                select gen_random_uuid(), i.kind, i.name, i.country, i.cameo_code, i.key
                  from (select distinct on (key) * from input order by key, ord) i
                 where not exists (select 1 from actor a where a.match_key = i.key)
                 order by i.key
                on conflict (resolution_key) do nothing
                returning resolution_key
            )
            select resolution_key from inserted
            """.formatted(INPUT);

    private static final String FIND_RESOLVED = """
            with input as (%s)
            select i.ord, m.id, i.key
              from input i
              cross join lateral (
                    select a.id
                      from actor a
                     where a.resolution_key = i.key or a.match_key = i.key
                     order by a.resolution_key = i.key desc nulls last, a.created_at, a.id
                     limit 1) m
             order by i.ord
            """.formatted(INPUT);

    /** The user's text is matched literally: LIKE wildcards in it are escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
