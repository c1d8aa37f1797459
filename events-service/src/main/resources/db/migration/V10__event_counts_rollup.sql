-- event_count: the rollup behind GET /stats/counts (issue 17, part 3). Counting the matching events
-- per group and period at query time took 1.9–3.4 s over a year at 1,000,000 events; read from here,
-- a year's top groups are a few thousand rows.
--
-- One row per (level, kind, scope, key, bucket):
--   level   W (ISO week, Monday), M (month), Y (year): the bucket is date_trunc(level, start_date),
--           the period an event belongs to in CountsRepository (weeks do not tile months, so each
--           interval has its own level)
--   kind    A actor (key: actor id; an actor in two roles of one event counts once)
--           D dyad  (key: 'a,b' with a < b as uuids, each pair of distinct participants once)
--           L location (key: the event's location id; COUNTRY is read through place.country_code at
--             query time, so a place's country may change without touching this table)
--           R root code (key: root code; QUAD_CLASS is read from its q1..q4)
--           P counterpart (scope: an actor, key: another participant of the same event)
--   scope   the nil uuid, or for L, R and P the actor the counted events involve: the answer to
--           "events of actor X grouped by …" without reading X's events
-- The values split by QuadClass (q1..q4 counts, g1..g4 Goldstein sums), so a QuadClass filter is
-- answered here too. Goldstein sums are numeric: exact, so the rollup and the exact statement give
-- the same mean to the last bit (both divide the same numeric sum by the same count).
-- Rows that fall to zero stay (a later event may need them again); readers skip zero totals.
create table event_count (
    level   char(1) not null check (level in ('W', 'M', 'Y')),
    kind    char(1) not null check (kind in ('A', 'D', 'L', 'R', 'P')),
    scope   uuid not null,
    key     text not null,
    bucket  date not null,
    q1      integer not null,
    q2      integer not null,
    q3      integer not null,
    q4      integer not null,
    g1      numeric not null,
    g2      numeric not null,
    g3      numeric not null,
    g4      numeric not null,
    -- a group's series: one key, its buckets in order
    primary key (level, kind, scope, key, bucket)
);
-- a period's groups (the top groups of the shown periods)
create index event_count_bucket_idx on event_count (level, kind, scope, bucket);

-- What each event currently contributes to event_count: the state it was counted in, so that a
-- rewrite or a deletion subtracts exactly what was added (never recounted from rows that have
-- changed meanwhile). No foreign key: a deleted event's row must outlive it until it is subtracted.
create table event_count_basis (
    event_id     uuid primary key,
    start_date   date not null,
    root_code    text not null,
    quad_class   smallint not null,
    goldstein    double precision not null,
    location_id  uuid,
    actors       uuid[] not null   -- distinct participants, sorted
);

-- The rows an event (one basis row) adds to event_count, times sign.
create function event_count_rows(b event_count_basis, sign integer)
    returns table (level char(1), kind char(1), scope uuid, key text, bucket date,
                   q1 integer, q2 integer, q3 integer, q4 integer, g1 numeric, g2 numeric, g3 numeric, g4 numeric)
    language sql immutable parallel safe as $$
    with l (level, bucket) as (
        values ('W'::char(1), date_trunc('week', b.start_date::timestamp)::date),
               ('M'::char(1), date_trunc('month', b.start_date::timestamp)::date),
               ('Y'::char(1), date_trunc('year', b.start_date::timestamp)::date)
    ),
    k (kind, scope, key) as (
        select 'R'::char(1), '00000000-0000-0000-0000-000000000000'::uuid, b.root_code
        union all
        select 'L', '00000000-0000-0000-0000-000000000000'::uuid, b.location_id::text where b.location_id is not null
        union all
        select x.kind, x.scope, x.key from unnest(b.actors) as a(id)
          cross join lateral (values ('A'::char(1), '00000000-0000-0000-0000-000000000000'::uuid, a.id::text),
                                     ('R', a.id, b.root_code),
                                     ('L', a.id, b.location_id::text)) as x(kind, scope, key)
         where x.key is not null
        union all
        select 'P', a.id, o.id::text from unnest(b.actors) as a(id) cross join unnest(b.actors) as o(id) where a.id <> o.id
        union all
        select 'D', '00000000-0000-0000-0000-000000000000'::uuid, a.id::text || ',' || o.id::text
          from unnest(b.actors) as a(id) cross join unnest(b.actors) as o(id) where a.id < o.id
    )
    select l.level, k.kind, k.scope, k.key, l.bucket,
           case b.quad_class when 1 then sign else 0 end, case b.quad_class when 2 then sign else 0 end,
           case b.quad_class when 3 then sign else 0 end, case b.quad_class when 4 then sign else 0 end,
           case b.quad_class when 1 then sign * b.goldstein::numeric else 0 end,
           case b.quad_class when 2 then sign * b.goldstein::numeric else 0 end,
           case b.quad_class when 3 then sign * b.goldstein::numeric else 0 end,
           case b.quad_class when 4 then sign * b.goldstein::numeric else 0 end
      from l cross join k
$$;

-- Brings event_count up to date for the given events (all events when ids is null) from their
-- current rows: subtracts what their basis says they added, adds what they add now, in one upsert of
-- the net change (an edit of a title changes nothing here and writes nothing).
-- Called by refresh_event_keys (so by every write path of the service, the seed and the bench load,
-- which already keep event_key current from the same rows) and by the delete trigger below.
create function refresh_event_counts(ids uuid[]) returns void
    language plpgsql set jit = off as $$
begin
    if ids is null then
        -- the whole table in one grouping: memory for the hash, not a sort spilled to disk
        set local work_mem = '256MB';
        truncate event_count, event_count_basis;
        insert into event_count_basis (event_id, start_date, root_code, quad_class, goldstein, location_id, actors)
        select e.id, e.start_date, e.root_code, e.quad_class, e.goldstein, e.location_id,
               coalesce(p.actors, '{}')
          from event e
          left join (select event_id, array_agg(distinct actor_id order by actor_id) as actors
                       from event_participant group by event_id) p on p.event_id = e.id;
        insert into event_count (level, kind, scope, key, bucket, q1, q2, q3, q4, g1, g2, g3, g4)
        select r.level, r.kind, r.scope, r.key, r.bucket, sum(r.q1), sum(r.q2), sum(r.q3), sum(r.q4),
               sum(r.g1), sum(r.g2), sum(r.g3), sum(r.g4)
          from event_count_basis b cross join lateral event_count_rows(b, 1) r
         group by 1, 2, 3, 4, 5;
        analyze event_count, event_count_basis;
        return;
    end if;
    if cardinality(ids) = 0 then
        return;
    end if;
    -- Two transactions refreshing one event must not both subtract its old basis: the writers lock
    -- the event row first (update/delete), and this lock covers any other caller; the statements
    -- below then read what the other transaction committed.
    perform 1 from event e join (select distinct id from unnest(ids) as i(id)) i on e.id = i.id
      order by e.id for update of e;
    with target as (
        select distinct id from unnest(ids) as i(id)
    ),
    old as (
        select b.* from event_count_basis b join target t on t.id = b.event_id
    ),
    new as (
        select e.id as event_id, e.start_date, e.root_code, e.quad_class, e.goldstein, e.location_id,
               coalesce((select array_agg(distinct p.actor_id order by p.actor_id) from event_participant p
                          where p.event_id = e.id), '{}') as actors
          from event e join target t on t.id = e.id
    ),
    delta as (
        select r.level, r.kind, r.scope, r.key, r.bucket, sum(r.q1) as q1, sum(r.q2) as q2, sum(r.q3) as q3,
               sum(r.q4) as q4, sum(r.g1) as g1, sum(r.g2) as g2, sum(r.g3) as g3, sum(r.g4) as g4
          from (select r.* from old b cross join lateral event_count_rows(b::event_count_basis, -1) r
                union all
                select r.* from new b cross join lateral event_count_rows(b::event_count_basis, 1) r) r
         group by 1, 2, 3, 4, 5
        having sum(r.q1) <> 0 or sum(r.q2) <> 0 or sum(r.q3) <> 0 or sum(r.q4) <> 0
            or sum(r.g1) <> 0 or sum(r.g2) <> 0 or sum(r.g3) <> 0 or sum(r.g4) <> 0
    )
    -- in key order, so that concurrent writers lock shared rows (a month's root code) in one order
    insert into event_count as c (level, kind, scope, key, bucket, q1, q2, q3, q4, g1, g2, g3, g4)
    select * from delta order by level, kind, scope, key, bucket
    on conflict (level, kind, scope, key, bucket) do update
       set q1 = c.q1 + excluded.q1, q2 = c.q2 + excluded.q2, q3 = c.q3 + excluded.q3, q4 = c.q4 + excluded.q4,
           g1 = c.g1 + excluded.g1, g2 = c.g2 + excluded.g2, g3 = c.g3 + excluded.g3, g4 = c.g4 + excluded.g4;

    delete from event_count_basis b using unnest(ids) as i(id)
     where b.event_id = i.id and not exists (select 1 from event e where e.id = b.event_id);
    insert into event_count_basis as b (event_id, start_date, root_code, quad_class, goldstein, location_id, actors)
    select e.id, e.start_date, e.root_code, e.quad_class, e.goldstein, e.location_id,
           coalesce((select array_agg(distinct p.actor_id order by p.actor_id) from event_participant p
                      where p.event_id = e.id), '{}')
      from event e join (select distinct id from unnest(ids) as i(id)) t on t.id = e.id
    on conflict (event_id) do update
       set start_date = excluded.start_date, root_code = excluded.root_code, quad_class = excluded.quad_class,
           goldstein = excluded.goldstein, location_id = excluded.location_id, actors = excluded.actors
     where (b.start_date, b.root_code, b.quad_class, b.goldstein, b.location_id, b.actors)
           is distinct from (excluded.start_date, excluded.root_code, excluded.quad_class, excluded.goldstein,
                             excluded.location_id, excluded.actors);
end;
$$;

-- Deletions are not refreshed by the writers (the event's key rows go by cascade): every delete of
-- events, whatever issues it, subtracts them here, in its own transaction.
create function event_count_after_delete() returns trigger
    language plpgsql as $$
begin
    perform refresh_event_counts(array(select id from old_rows));
    return null;
end;
$$;
create trigger event_count_on_delete after delete on event
    referencing old table as old_rows for each statement execute function event_count_after_delete();

-- refresh_event_keys (V3) is the one call every writer already makes after writing events and their
-- participants (the service's write paths, the seed, bench/gen/load-events.sql, the place-move trigger);
-- under the same name it now keeps the counts too, so no writer can update one and forget the other.
alter function refresh_event_keys(uuid[]) rename to refresh_event_key_rows;
create function refresh_event_keys(ids uuid[]) returns void
    language plpgsql as $$
begin
    perform refresh_event_key_rows(ids);
    perform refresh_event_counts(ids);
end;
$$;

-- An existing database counts its events now.
select refresh_event_counts(null);
