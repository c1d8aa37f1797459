-- How far an importer following a feed (GDELT 2.0's 15-minute exports) has got: the last file it
-- imported completely. One row per feed; `version` makes every move a compare-and-set, so two importer
-- replicas can neither skip nor repeat a file (importer/README.md, --follow).
create table import_progress (
    feed        text primary key check (feed ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    last_file   text not null check (length(last_file) between 1 and 500),
    version     bigint not null check (version >= 1),
    updated_at  timestamptz not null default now()
);
