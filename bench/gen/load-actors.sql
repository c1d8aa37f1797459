-- Loads bench/gen/generate.mjs's actors into actors-service's own table (database actors_bench,
-- migrated by the service before this runs): sed 's|@DIR@|<out-dir>|g' load-actors.sql | psql -f -
-- search_text and match_key are generated columns, computed by PostgreSQL as for any insert.
\set ON_ERROR_STOP 1
truncate actor cascade;
\copy actor (id, kind, name, aliases, country, cameo_code, description) from '@DIR@/actors.tsv'
vacuum analyze actor;
