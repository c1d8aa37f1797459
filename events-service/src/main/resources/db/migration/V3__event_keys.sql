-- event_key: an inverted index of "who and where" in date order, so that the actor, dyad and place
-- filters (and the per-actor pages of by-participants, and the dyad statistics) read one index range
-- newest first and stop after a page, instead of collecting every matching event and sorting it.
-- At 1,000,000 events the old plans took 0.1–1 s for a busy actor, dyad or country (bench/ results).
--
-- One row per (event, key), where key is
--   * each participating actor's id (once, whatever their roles),
--   * each pair of distinct participating actors as dyad_key(a, b) (order-free),
--   * the event's location and subjects and every place above them (an event in Donetsk is under
--     Donbas and Ukraine): the place filter becomes one key, no recursive walk per query.
-- Actor, place and dyad keys are all uuids; dyad keys are md5-derived, so they do not collide with
-- the random ids of actors and places.
-- The event's dates and CAMEO classes are copied in so that date windows, root/quad filters and the
-- dyad statistics are answered from the index alone.
--
-- Rows are derived: every write of the service calls refresh_event_keys(ids) once for the events it
-- wrote, in the same transaction, after their participants and subjects (EventRepository#refreshDerived;
-- one set-based call per request, also for a batch of 1,000). Statement triggers on the child tables
-- did the same but refreshed each event three times per write: 13× the write cost (measured).
-- A place moved in the hierarchy is handled here by a trigger (the service does not know which events
-- lie under it). Writers that bypass the service (bench/gen/load-events.sql, the seed migration)
-- call refresh_event_keys themselves.

create function dyad_key(a uuid, b uuid) returns uuid
    language sql immutable strict parallel safe
    return md5('dyad:' || least(a, b)::text || ':' || greatest(a, b)::text)::uuid;

create table event_key (
    key            uuid not null,
    event_id       uuid not null references event (id) on delete cascade,
    start_date     date not null,
    end_exclusive  date not null,
    root_code      text not null,
    quad_class     smallint not null,
    goldstein      double precision not null,
    primary key (event_id, key)
);
-- actor / dyad / place filters, by-participants, dyad and timeline statistics: one key's events newest
-- first (backwards for oldest first), date window and root/quad tested without visiting the event
create index event_key_walk_idx on event_key (key, start_date desc, event_id desc)
    include (end_exclusive, root_code, quad_class, goldstein);

-- Rewrites the keys of the given events (all events when ids is null) from the current rows.
-- jit off: the planner's estimates for a batch of a few hundred events are high enough to trigger
-- JIT compilation, which took 0.5 s per call here while the statement itself takes ~0.1 s.
create function refresh_event_keys(ids uuid[]) returns void
    language plpgsql set jit = off as $$
begin
    if ids is not null and cardinality(ids) = 0 then
        return;
    end if;
    if ids is null then
        truncate event_key;
    else
        -- joins with unnest (not "= any(ids)"): a probe per id whatever the table's statistics say
        delete from event_key k using unnest(ids) as i(id) where k.event_id = i.id;
    end if;
    -- EXECUTE plans the statement for this call: "all events" and "these ids" need different plans.
    -- The ids go in as a literal, not a parameter, so that the planner knows how many there are:
    -- with a parameter it assumed hundreds and hashed whole tables (a scan of every participant
    -- per write); with the literal it probes the primary keys of the few events written.
    execute format($sql$
    insert into event_key (key, event_id, start_date, end_exclusive, root_code, quad_class, goldstein)
    with recursive
    -- the events with the columns copied into their keys; everything below joins this small set
    -- (never the whole event table: that plan made each write cost a scan of all events)
    targets as materialized (
        select e.id, e.location_id, e.start_date, e.end_exclusive, e.root_code, e.quad_class, e.goldstein
          from %s
    ),
    -- the event's places, then each one's parent, up to the top (the hierarchy has no cycles:
    -- PlaceService refuses a parent at or under the place)
    up (event_id, place_id) as (
        select t.id, t.location_id from targets t where t.location_id is not null
        union all
        select s.event_id, s.place_id from event_subject s join targets t on t.id = s.event_id
        union all
        select u.event_id, p.parent_id from up u join place p on p.id = u.place_id where p.parent_id is not null
    ),
    keys (event_id, key) as (
        select p.event_id, p.actor_id from event_participant p join targets t on t.id = p.event_id
        union
        select p1.event_id, dyad_key(p1.actor_id, p2.actor_id)
          from event_participant p1 join targets t on t.id = p1.event_id
          join event_participant p2 on p2.event_id = p1.event_id and p2.actor_id > p1.actor_id
        union
        select event_id, place_id from up
    )
    select k.key, t.id, t.start_date, t.end_exclusive, t.root_code, t.quad_class, t.goldstein
      from keys k join targets t on t.id = k.event_id
    $sql$, case when ids is null then 'event e'
                else format('(select distinct id from unnest(%L::uuid[]) as i(id)) i join event e on e.id = i.id', ids) end);
end;
$$;

-- A place moved in the hierarchy: the events at or under it (exactly those keyed by it) get new ancestors.
create function event_key_after_place_move() returns trigger
    language plpgsql as $$
begin
    perform refresh_event_keys(array(
        select distinct k.event_id from event_key k
         where k.key in (select n.id from new_rows n join old_rows o on o.id = n.id
                          where n.parent_id is distinct from o.parent_id)));
    return null;
end;
$$;
create trigger event_key_on_place_update after update on place
    referencing old table as old_rows new table as new_rows for each statement execute function event_key_after_place_move();

-- Databases that already hold events (the seed, imports) get their keys now.
select refresh_event_keys(null);
