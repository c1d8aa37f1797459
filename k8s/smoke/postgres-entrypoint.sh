#!/bin/sh
# Entrypoint of the smoke test's PostgreSQL image (Debian's postgresql-15, no registry needed). It
# offers the part of the official postgres image's interface that overlays/dev uses: POSTGRES_USER,
# POSTGRES_PASSWORD, PGDATA, PGPORT, and on the first start every /docker-entrypoint-initdb.d/*.sh
# (sourced) and *.sql, run against a server that listens on the socket only.
set -eu
bin=/usr/lib/postgresql/15/bin
: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
export PGDATA PGHOST=/var/run/postgresql
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  pwfile=$(mktemp)
  printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" >"$pwfile"
  "$bin/initdb" --username="$POSTGRES_USER" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  "$bin/pg_ctl" -w -o "-c listen_addresses=''" start >/dev/null
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) echo "entrypoint: running $f"; . "$f" ;;
      *.sql) echo "entrypoint: running $f"; psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -f "$f" ;;
    esac
  done
  "$bin/pg_ctl" -w -m fast stop >/dev/null
  echo "entrypoint: database initialised"
fi
exec "$bin/postgres" -c listen_addresses='*'
