-- event_count (V10) answers the two groupings it missed the goal on (issue 17, part 3: one year per month,
-- top 20, p95 ≤ 50 ms at 1,000,000 events; bench/results/2026-11-30-counts-quiet.md): by country 95 ms, by
-- dyad 320 ms, and dyads of one actor's events not at all (the exact statement, 430 ms).
--
--   kind C  country (key: the country code of the event's location), unscoped and scoped to each actor.
--           COUNTRY was read from the location rows joined to place.country_code: a year's 5,373 rows
--           to rank, then ~10,000 month rows of the top countries' places, one heap page each. A place's
--           country may still change: the place trigger below recounts its events.
--   kind E  scope: an actor; key: a pair 'a,b' (a < b as uuids) of the event's OTHER participants.
--           With the counterpart rows (P: the pairs that include the actor) these are the dyads of the
--           actor's events, so a dyad grouping under one actor is read here too.
--   event_count_rank  the totals (q1+q2+q3+q4) of the unscoped year rows of actors, dyads, locations and
--           countries, indexed in order: the top groups of a year (a year shown per month takes them from
--           its year bucket) are the first entries of an index range, not a ranking of every group of
--           the year (58,938 dyads at 1,000,000 events). Its own table: an index on event_count's
--           counts would make every update of a rollup row a non-HOT update (measured on an import of
--           42,220 GDELT rows: no HOT update instead of 73 %, the table 133 MB instead of 22 MB).
-- Cost per event: ~(1 + participants) × 3 C rows, E rows for events of three or more participants,
-- and ~5 rank rows (bench/results/2026-11-30-counts-b.md).

create table event_count_rank (
    kind    char(1) not null check (kind in ('A', 'D', 'L', 'C')),
    bucket  date not null,
    key     text not null,
    n       integer not null,
    primary key (kind, bucket, key)
);
create index event_count_rank_top_idx on event_count_rank (kind, bucket, n desc);

-- What an event counted under its country, so that a rewrite, a deletion or a change of the place's
-- country subtracts exactly that.
alter table event_count_basis add column country_code text;
update event_count_basis b set country_code = pl.country_code
  from place pl where pl.id = b.location_id and pl.country_code is not null;

alter table event_count drop constraint event_count_kind_check;
alter table event_count add constraint event_count_kind_check check (kind in ('A', 'D', 'L', 'C', 'R', 'P', 'E'));

create or replace function event_count_rows(b event_count_basis, sign integer)
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
        select 'C', '00000000-0000-0000-0000-000000000000'::uuid, b.country_code where b.country_code is not null
        union all
        select x.kind, x.scope, x.key from unnest(b.actors) as a(id)
          cross join lateral (values ('A'::char(1), '00000000-0000-0000-0000-000000000000'::uuid, a.id::text),
                                     ('R', a.id, b.root_code),
                                     ('L', a.id, b.location_id::text),
                                     ('C', a.id, b.country_code)) as x(kind, scope, key)
         where x.key is not null
        union all
        select 'P', a.id, o.id::text from unnest(b.actors) as a(id) cross join unnest(b.actors) as o(id) where a.id <> o.id
        union all
        select 'D', '00000000-0000-0000-0000-000000000000'::uuid, a.id::text || ',' || o.id::text
          from unnest(b.actors) as a(id) cross join unnest(b.actors) as o(id) where a.id < o.id
        union all
        -- for each participant s, the pairs of the others (an event of two participants has none)
        select 'E', s.id, a.id::text || ',' || o.id::text
          from unnest(b.actors) as s(id) cross join unnest(b.actors) as a(id) cross join unnest(b.actors) as o(id)
         where a.id < o.id and s.id <> a.id and s.id <> o.id
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

-- As in V10, with the location's country in the basis, and a lock that orders writers against a change
-- of a place's country (event_count_after_place_country below).
create or replace function refresh_event_counts(ids uuid[]) returns void
    language plpgsql set jit = off as $$
begin
    if ids is null then
        -- the whole table in one grouping: memory for the hash, not a sort spilled to disk
        set local work_mem = '256MB';
        truncate event_count, event_count_basis;
        insert into event_count_basis (event_id, start_date, root_code, quad_class, goldstein, location_id, actors,
                                       country_code)
        select e.id, e.start_date, e.root_code, e.quad_class, e.goldstein, e.location_id,
               coalesce(p.actors, '{}'), pl.country_code
          from event e
          left join place pl on pl.id = e.location_id
          left join (select event_id, array_agg(distinct actor_id order by actor_id) as actors
                       from event_participant group by event_id) p on p.event_id = e.id;
        insert into event_count (level, kind, scope, key, bucket, q1, q2, q3, q4, g1, g2, g3, g4)
        select r.level, r.kind, r.scope, r.key, r.bucket, sum(r.q1), sum(r.q2), sum(r.q3), sum(r.q4),
               sum(r.g1), sum(r.g2), sum(r.g3), sum(r.g4)
          from event_count_basis b cross join lateral event_count_rows(b, 1) r
         group by 1, 2, 3, 4, 5;
        truncate event_count_rank;
        insert into event_count_rank (kind, bucket, key, n)
        select kind, bucket, key, q1 + q2 + q3 + q4 from event_count
         where level = 'Y' and kind in ('A', 'D', 'L', 'C') and scope = '00000000-0000-0000-0000-000000000000';
        analyze event_count, event_count_basis, event_count_rank;
        return;
    end if;
    if cardinality(ids) = 0 then
        return;
    end if;
    -- Taken by every writer (it would take this mode at its first write of the basis anyway; here it is
    -- taken before any place's country is read): a change of a place's country takes SHARE ROW EXCLUSIVE,
    -- so it waits for the writers in flight and the writers after it wait for it — no writer counts an
    -- event under a country read before the change and commits after the change's recount.
    lock table event_count_basis in row exclusive mode;
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
                          where p.event_id = e.id), '{}') as actors,
               (select pl.country_code from place pl where pl.id = e.location_id) as country_code
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
    -- in key order, so that concurrent writers lock shared rows (a month's root code) in one order (the
    -- rank rows, then the rollup rows, each in key order: the same order in every transaction)
    , counted as (
    insert into event_count as c (level, kind, scope, key, bucket, q1, q2, q3, q4, g1, g2, g3, g4)
    select * from delta order by level, kind, scope, key, bucket
    on conflict (level, kind, scope, key, bucket) do update
       set q1 = c.q1 + excluded.q1, q2 = c.q2 + excluded.q2, q3 = c.q3 + excluded.q3, q4 = c.q4 + excluded.q4,
           g1 = c.g1 + excluded.g1, g2 = c.g2 + excluded.g2, g3 = c.g3 + excluded.g3, g4 = c.g4 + excluded.g4
    )
    insert into event_count_rank as r (kind, bucket, key, n)
    select kind, bucket, key, q1 + q2 + q3 + q4 from delta
     where level = 'Y' and kind in ('A', 'D', 'L', 'C') and scope = '00000000-0000-0000-0000-000000000000'
       and q1 + q2 + q3 + q4 <> 0
     order by kind, bucket, key
    on conflict (kind, bucket, key) do update set n = r.n + excluded.n;

    delete from event_count_basis b using unnest(ids) as i(id)
     where b.event_id = i.id and not exists (select 1 from event e where e.id = b.event_id);
    insert into event_count_basis as b (event_id, start_date, root_code, quad_class, goldstein, location_id, actors,
                                        country_code)
    select e.id, e.start_date, e.root_code, e.quad_class, e.goldstein, e.location_id,
           coalesce((select array_agg(distinct p.actor_id order by p.actor_id) from event_participant p
                      where p.event_id = e.id), '{}'),
           (select pl.country_code from place pl where pl.id = e.location_id)
      from event e join (select distinct id from unnest(ids) as i(id)) t on t.id = e.id
    on conflict (event_id) do update
       set start_date = excluded.start_date, root_code = excluded.root_code, quad_class = excluded.quad_class,
           goldstein = excluded.goldstein, location_id = excluded.location_id, actors = excluded.actors,
           country_code = excluded.country_code
     where (b.start_date, b.root_code, b.quad_class, b.goldstein, b.location_id, b.actors, b.country_code)
           is distinct from (excluded.start_date, excluded.root_code, excluded.quad_class, excluded.goldstein,
                             excluded.location_id, excluded.actors, excluded.country_code);
end;
$$;

-- A place's country changed (PUT /places, or any other update): the events located there move to the
-- new country. SHARE ROW EXCLUSIVE on the basis first: writers in flight may have counted an event there
-- under the old country without it being visible here yet (see refresh_event_counts); once they commit,
-- every event at the place is visible and recounted, and writers after this one read the new country.
-- (Not SHARE: two changes at once would each hold it and wait for the other's row exclusive lock, which
-- the recount takes; this mode lets one change through at a time.)
create function event_count_after_place_country() returns trigger
    language plpgsql as $$
begin
    if exists (select 1 from new_rows n join old_rows o on o.id = n.id
                where n.country_code is distinct from o.country_code) then
        lock table event_count_basis in share row exclusive mode;
        perform refresh_event_counts(array(
            select e.id from event e
             where e.location_id in (select n.id from new_rows n join old_rows o on o.id = n.id
                                      where n.country_code is distinct from o.country_code)));
    end if;
    return null;
end;
$$;
create trigger event_count_on_place_country after update on place
    referencing old table as old_rows new table as new_rows for each statement
    execute function event_count_after_place_country();

-- An existing database counts its events' countries and the pairs of their other participants now: the
-- rows of the new kinds from the basis (the other kinds are already there and unchanged).
set local work_mem = '256MB';
insert into event_count (level, kind, scope, key, bucket, q1, q2, q3, q4, g1, g2, g3, g4)
select r.level, r.kind, r.scope, r.key, r.bucket, sum(r.q1), sum(r.q2), sum(r.q3), sum(r.q4),
       sum(r.g1), sum(r.g2), sum(r.g3), sum(r.g4)
  from event_count_basis b cross join lateral event_count_rows(b, 1) r
 where r.kind in ('C', 'E')
 group by 1, 2, 3, 4, 5;

insert into event_count_rank (kind, bucket, key, n)
select kind, bucket, key, q1 + q2 + q3 + q4 from event_count
 where level = 'Y' and kind in ('A', 'D', 'L', 'C') and scope = '00000000-0000-0000-0000-000000000000';

-- a country group's label (CountsRepository: the country's own place, the oldest if several): one probe
-- per group instead of a scan of every place per group
create index place_country_idx on place (country_code, created_at, id) where kind = 'COUNTRY';

analyze event_count, event_count_basis, event_count_rank;
