package org.parley.events.place.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.events.db.Sql;
import org.parley.events.place.Place;
import org.parley.events.place.PlaceResolve;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
@WithSession
public class PlaceRepository implements PanacheRepositoryBase<Place, UUID> {

    /** The advisory lock key of the place tree (any constant no other lock in this database uses). */
    private static final long PLACE_TREE_LOCK = 0x706c616365L;

    private final Sql sql;

    public PlaceRepository(Sql sql) {
        this.sql = sql;
    }

    public Uni<List<Place>> findPlacesByIds(List<UUID> ids) {
        return list("id in ?1", ids).map(found -> {
            Map<UUID, Place> byId = new HashMap<>();
            found.forEach(p -> byId.put(p.id, p));
            List<Place> ordered = new ArrayList<>();
            ids.forEach(id -> {
                Place p = byId.get(id);
                if (p != null) {
                    ordered.add(p);
                }
            });
            return ordered;
        });
    }

    public Uni<List<Place>> searchPlaces(String text, List<Place.Kind> kinds, String countryCode, UUID parentId, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (text != null && !text.isBlank()) {
            q.append(" and lower(name) like :text");
            params.and("text", "%" + text.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!kinds.isEmpty()) {
            q.append(" and kind in :kinds");
            params.and("kinds", kinds);
        }
        if (countryCode != null && !countryCode.isBlank()) {
            q.append(" and countryCode = :cc");
            params.and("cc", countryCode.trim().toUpperCase());
        }
        if (parentId != null) {
            q.append(" and parentId = :parent");
            params.and("parent", parentId);
        }
        q.append(" order by name, id");
        return find(q.toString(), params).page(0, limit).list();
    }

    /**
     * Serialises changes of the place tree until the caller's transaction ends. Two transactions
     * that each check "no cycle" and then re-parent could otherwise both pass (neither sees the
     * other's uncommitted parent) and together store a cycle; after this lock the check's snapshot
     * includes every parent change committed before it.
     */
    public Uni<Void> lockPlaceTree() {
        return getSession().flatMap(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(" + PLACE_TREE_LOCK + ")", Integer.class)
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * True when {@code candidate} is {@code placeId} itself or lies under it (a parent here would
     * make a cycle). Runs in the caller's Hibernate session, so in the transaction of the write it guards.
     */
    public Uni<Boolean> isAtOrUnder(UUID candidate, UUID placeId) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                with recursive up(id, parent_id) as (
                    select id, parent_id from place where id = ?1
                    union
                    select p.id, p.parent_id from place p join up on p.id = up.parent_id)
                select exists (select 1 from up where id = ?2) as hit
                """, Boolean.class).setParameter(1, candidate).setParameter(2, placeId).getSingleResult());
    }

    public Uni<Boolean> isInUse(UUID placeId) {
        return sql.query("""
                select exists (select 1 from event where location_id = $1)
                    or exists (select 1 from event_subject where place_id = $1)
                    or exists (select 1 from place where parent_id = $1) as used
                """, Tuple.of(placeId)).map(rows -> rows.iterator().next().getBoolean("used"));
    }

    /**
     * Inserts the missing keys in one statement; a key another transaction inserts at the same
     * time makes ON CONFLICT wait for it and skip, and the second look-up (a new snapshot) finds it.
     */
    public Uni<List<PlaceResolve.Resolved>> resolvePlaces(List<PlaceResolve.Item> items) {
        int n = items.size();
        String[] keys = new String[n];
        String[] names = new String[n];
        String[] kinds = new String[n];
        String[] countries = new String[n];
        Double[] lats = new Double[n];
        Double[] lons = new Double[n];
        UUID[] newIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            PlaceResolve.Item item = items.get(i);
            keys[i] = item.key();
            names[i] = item.name();
            kinds[i] = item.kind().name();
            countries[i] = item.countryCode();
            lats[i] = item.latitude();
            lons[i] = item.longitude();
            newIds[i] = UUID.randomUUID();
        }
        Tuple args = Tuple.tuple().addArrayOfString(keys).addArrayOfString(names).addArrayOfString(kinds)
                .addArrayOfString(countries).addArrayOfDouble(lats).addArrayOfDouble(lons).addArrayOfUUID(newIds);
        String insert = """
                with input as (
                    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::uuid[])
                        with ordinality as i(key, name, kind, cc, lat, lon, new_id, ord)),
                first as (select distinct on (key) * from input order by key, ord),
                ins as (
                    insert into place (id, name, kind, country_code, latitude, longitude, external_key)
                    select new_id, name, kind, cc, lat, lon, key from first
                    on conflict (external_key) do nothing
                    returning id, external_key)
                select i.ord, coalesce(ins.id, p.id) as id,
                       (ins.id is not null and i.ord = f.ord) as created
                from input i
                join first f on f.key = i.key
                left join ins on ins.external_key = i.key
                left join place p on p.external_key = i.key
                order by i.ord
                """;
        return sql.query(insert, args).flatMap(rows -> {
            List<PlaceResolve.Resolved> out = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Row row : rows) {
                UUID id = row.getUUID("id");
                out.add(new PlaceResolve.Resolved(id, row.getBoolean("created")));
                if (id == null) {
                    missing.add(keys[out.size() - 1]);
                }
            }
            if (missing.isEmpty()) {
                return Uni.createFrom().item(out);
            }
            return sql.query("select external_key, id from place where external_key = any($1)",
                    Tuple.of(missing.toArray(String[]::new))).map(found -> {
                        Map<String, UUID> byKey = new HashMap<>();
                        found.forEach(r -> byKey.put(r.getString("external_key"), r.getUUID("id")));
                        for (int i = 0; i < out.size(); i++) {
                            if (out.get(i).id() == null) {
                                out.set(i, new PlaceResolve.Resolved(byKey.get(keys[i]), false));
                            }
                        }
                        return out;
                    });
        });
    }
}
