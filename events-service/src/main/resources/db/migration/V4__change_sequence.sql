-- event_change: the durable, ordered log the SSE stream is read from (issue 15). NOTIFY only wakes the
-- readers; what they send comes from here, so a lost LISTEN connection, a restarted replica or a
-- client that reconnects with Last-Event-ID: N loses nothing that is still retained.
--
-- seq is the SSE id. A reader resumes "after N", which is only correct if no row with seq <= N can
-- become visible after a row with seq > N was read. Identity values are handed out before commit,
-- so with free-running writers seq 11 may commit before seq 10. record_event_changes therefore takes
-- one transaction-scoped advisory lock before it draws its seqs: the next writer draws only after this
-- one has committed or rolled back (locks are released after the commit is visible), so seqs become
-- visible in seq order. The lock is taken as the write's last step (the service calls this last), so
-- writers serialise only over "insert the log rows + commit", not over their whole transaction.
-- (The alternative, ordering by a stored xid8 and reading only below pg_snapshot_xmin, avoids that
-- serialisation but makes the resume position a pair (xid, seq) and holds every change back behind
-- the oldest open transaction of the database, including ones that never write events.)
create table event_change (
    seq          bigint generated always as identity primary key,
    event_id     uuid not null,          -- no foreign key: a DELETED change outlives its event
    kind         text not null check (kind in ('RECORDED', 'UPDATED', 'DELETED')),
    committed_at timestamptz not null default now()
);
-- retention purge deletes the oldest rows
create index event_change_committed_idx on event_change (committed_at);

-- The highest seq ever purged: a client resuming from below it has missed changes that are gone and
-- is told to refetch (SSE "reset"). One row.
create table event_change_horizon (
    one            boolean primary key default true check (one),
    purged_through bigint not null default 0
);
insert into event_change_horizon default values;

-- Logs one change per id and wakes every replica's stream reader; call it in the writing transaction,
-- as its last statement. Writers outside the service (scripts, other tools) call it too.
create function record_event_changes(change text, ids uuid[]) returns void
    language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('parley.event_change'));
    insert into event_change (event_id, kind) select x, change from unnest(ids) as x;
    -- identical notifications of one transaction are folded into one: one wake-up per commit
    perform pg_notify('parley_events', 'change');
end $$;
