-- Loads bench/gen/generate.mjs's files into events-service's own tables (database events_bench,
-- schema migrated by the service itself before this runs). Run by bench/run.sh as a superuser:
--   sed 's|@DIR@|<out-dir>|g' load-events.sql | psql -f -   (\copy: the files are read by psql)
-- Derived columns are computed exactly as events-service computes them when it writes an event:
-- root code, QuadClass and Goldstein from the event_type row (CameoCatalogue), end_exclusive as
-- Precision#endExclusive, the search vector as EventRepository#refreshSearch, its per-word relevance rows
-- (event_term) and adjacent-pair rows (event_pair) as the V11 and V13 migrations' triggers.
\set ON_ERROR_STOP 1
\timing on
-- The generator's rows are consistent by construction (every id it refers to it also writes), so
-- the per-row foreign-key triggers are skipped for the load; the constraints stay defined.
set session_replication_role = replica;
set maintenance_work_mem = '512MB';

truncate event, event_participant, event_subject, event_source, event_relation, event_external_id, event_key, event_term,
         event_pair, place;

-- Secondary indexes are dropped for the bulk insert and re-created from their own definitions
-- (pg_indexes) afterwards: the same indexes the migrations made, built once instead of row by row.
create temp table bench_index as
select indexname, indexdef from pg_indexes
 where schemaname = 'public'
   and tablename in ('event', 'event_participant', 'event_subject', 'event_source', 'event_external_id', 'event_key',
                     'event_term', 'event_pair', 'event_count', 'place')
   and indexdef not like 'CREATE UNIQUE INDEX%';
select format('drop index %I', indexname) from bench_index \gexec

\copy place (id, name, kind, country_code, parent_id, latitude, longitude, status, status_since, external_key) from '@DIR@/places.tsv'

create temp table bench_event_stage (id uuid, title text, summary text, code text, status text, start_date date,
    end_date date, precision text, location_id uuid, metrics jsonb, external_id text);
create temp table bench_source_stage (id uuid, event_id uuid, url text, publisher text, title text,
    published_at timestamptz, excerpt text, speaker_id uuid);
\copy bench_event_stage from '@DIR@/events.tsv'
\copy bench_source_stage from '@DIR@/sources.tsv'

insert into event (id, title, summary, code, root_code, quad_class, goldstein, status, start_date, end_date,
                   precision, end_exclusive, location_id, metrics, search)
select s.id, s.title, s.summary, s.code, t.root_code, t.quad_class, t.goldstein, s.status, s.start_date, s.end_date,
       s.precision,
       coalesce(s.end_date + 1,
                (s.start_date + case s.precision when 'DAY' then interval '1 day' when 'WEEK' then interval '1 week'
                                                 when 'MONTH' then interval '1 month' else interval '1 year' end)::date),
       s.location_id, s.metrics,
       setweight(to_tsvector('english', s.title), 'A')
       || setweight(to_tsvector('english', coalesce(s.summary, '')), 'B')
       || setweight(to_tsvector('english', coalesce(src.text, '')), 'C')
  from bench_event_stage s
  join event_type t on t.code = s.code
  left join (select event_id, string_agg(concat_ws(' ', title, excerpt), ' ') as text
               from bench_source_stage group by event_id) src on src.event_id = s.id;

insert into event_source (id, event_id, url, publisher, title, published_at, excerpt, speaker_id)
select id, event_id, url, publisher, title, published_at, excerpt, speaker_id from bench_source_stage;
insert into event_external_id (external_id, event_id) select external_id, id from bench_event_stage;

\copy event_participant (event_id, actor_id, role, ordinal) from '@DIR@/participants.tsv'
\copy event_subject (event_id, place_id, ordinal) from '@DIR@/subjects.tsv'
-- the derived actor/dyad/place keys (V3 migration) and the counts rollup (V10: refresh_event_keys
-- refreshes both): the service's triggers are off for this load, so they are written here by the
-- service's own function, in one pass over all events
select refresh_event_keys(null);
-- the per-word relevance rows (V11 migration) and the adjacent-pair rows (V13), likewise from the service's
-- own functions
select refresh_event_terms();
select refresh_event_pairs();

select indexdef from bench_index \gexec
drop table bench_event_stage, bench_source_stage;
reset session_replication_role;
vacuum analyze event, event_participant, event_subject, event_source, event_external_id, event_key, event_term,
    event_pair, event_count, event_count_basis, place;
