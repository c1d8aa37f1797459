-- events-service schema. Indexes are named after the filter they serve (see the module README).

-- CAMEO catalogue: filled from the bundled GDELT files at start-up (CatalogueLoader), not here.
create table event_type (
    code        text primary key,
    name        text not null,
    root_code   text not null,
    quad_class  smallint not null check (quad_class between 1 and 4),
    goldstein   double precision not null
);
create index event_type_root_idx on event_type (root_code);

create table place (
    id            uuid primary key,
    name          text not null,
    kind          text not null check (kind in ('COUNTRY', 'REGION', 'CITY', 'TERRITORY')),
    country_code  text,
    parent_id     uuid references place (id) on delete restrict,
    latitude      double precision,
    longitude     double precision,
    status        text,
    status_since  date,
    -- key of an importer's source system ("gdelt-feature:<FeatureID>"), resolved idempotently
    external_key  text unique,
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
-- walks the hierarchy downwards (recursive CTE of the place filter) and serves ?parentId=
create index place_parent_idx on place (parent_id);
create index place_name_idx on place (lower(name));

create table event (
    id             uuid primary key,
    title          text not null,
    summary        text,
    code           text not null references event_type (code),
    -- derived from the catalogue on write, so filters and statistics need no join
    root_code      text not null,
    quad_class     smallint not null,
    goldstein      double precision not null,
    status         text not null check (status in ('OCCURRED', 'ANNOUNCED', 'SCHEDULED', 'CANCELLED')),
    start_date     date not null,
    end_date       date,
    precision      text not null check (precision in ('DAY', 'WEEK', 'MONTH', 'YEAR')),
    -- [start_date, end_exclusive): end_date + 1 day, or start_date + one unit of precision
    end_exclusive  date not null check (end_exclusive > start_date),
    during         daterange generated always as (daterange(start_date, end_exclusive, '[)')) stored,
    location_id    uuid references place (id) on delete restrict,
    metrics        jsonb,
    -- title (A), summary (B) and source excerpts/titles (C); rewritten by every write of the event
    search         tsvector not null default ''::tsvector,
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index event_start_idx on event (start_date desc, id desc);        -- default sort + keyset cursor
create index event_during_idx on event using gist (during);             -- from/to overlap
create index event_code_idx on event (code, start_date desc);           -- code
create index event_root_idx on event (root_code, start_date desc);      -- root
create index event_quad_idx on event (quad_class, start_date desc);     -- quad
create index event_status_idx on event (status, start_date desc);       -- status
create index event_location_idx on event (location_id);                 -- place (location)
create index event_search_idx on event using gin (search);              -- text

create table event_participant (
    event_id  uuid not null references event (id) on delete cascade,
    actor_id  uuid not null,
    role      text not null check (role in ('SOURCE', 'TARGET', 'HOST', 'ATTENDEE', 'MEDIATOR')),
    ordinal   int not null,
    primary key (event_id, actor_id, role)
);
-- actor / dyad / by-participants / statistics: all start from an actor id
create index event_participant_actor_idx on event_participant (actor_id, event_id);

create table event_subject (
    event_id  uuid not null references event (id) on delete cascade,
    place_id  uuid not null references place (id) on delete restrict,
    ordinal   int not null,
    primary key (event_id, place_id)
);
create index event_subject_place_idx on event_subject (place_id, event_id); -- place (subjects)

create table event_source (
    id            uuid primary key,
    event_id      uuid not null references event (id) on delete cascade,
    url           text not null,
    publisher     text,
    title         text,
    published_at  timestamptz,
    excerpt       text,
    speaker_id    uuid,
    -- keeps sources in the order they were added (ids are random)
    seq           bigint generated always as identity,
    created_at    timestamptz not null default now()
);
create index event_source_event_idx on event_source (event_id, seq);

create table event_relation (
    event_id    uuid not null references event (id) on delete cascade,
    kind        text not null check (kind in ('FOLLOWS', 'RESPONDS_TO', 'PART_OF')),
    related_id  uuid not null references event (id) on delete cascade,
    primary key (event_id, kind, related_id),
    check (event_id <> related_id)
);
create index event_relation_related_idx on event_relation (related_id);

create table event_external_id (
    external_id  text primary key,
    event_id     uuid not null references event (id) on delete cascade
);
create index event_external_id_event_idx on event_external_id (event_id);
