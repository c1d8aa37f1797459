#!/bin/sh
# Runs once, on the first start of an empty data directory (the postgres image's initdb.d hook),
# as the superuser. One role and one database per service; the services never share one.
# unaccent and pg_trgm back the services' search, and only a superuser may create them.
set -eu
create() { # role password database
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$1" -v pw="$2" -v db="$3" <<'SQL'
select format('create role %I login password %L', :'role', :'pw') \gexec
select format('create database %I owner %I', :'db', :'role') \gexec
SQL
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$3" \
       -c 'create extension if not exists unaccent' -c 'create extension if not exists pg_trgm'
}
create "$ACTORS_DB_USERNAME" "$ACTORS_DB_PASSWORD" actors
create "$EVENTS_DB_USERNAME" "$EVENTS_DB_PASSWORD" events
