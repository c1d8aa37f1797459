-- Actors ("who") and the typed, dated relationships between them.

-- Both are trusted extensions, so the database owner may create them; bin/db-ensure also creates
-- them as superuser. "if not exists" keeps either order working.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (it looks its dictionary up through search_path), so it cannot back a
-- generated column or an index. Naming the dictionary schema-qualified makes the result depend on
-- the argument alone, which is what IMMUTABLE promises.
create function parley_fold(value text) returns text
    language sql immutable strict parallel safe
    return lower(public.unaccent('public.unaccent'::regdictionary, value));

-- What `text` search matches against: name and every alias, folded. A newline separates them so a
-- query cannot match across the boundary of two names unless it contains a newline itself.
create function parley_actor_search_text(name text, aliases text[]) returns text
    language sql immutable parallel safe
    return parley_fold(coalesce(name, '') || coalesce(E'\n' || array_to_string(aliases, E'\n'), ''));

-- The identity an importer resolves by: CAMEO code plus the folded, whitespace-normalised name.
create function parley_resolution_key(cameo_code text, name text) returns text
    language sql immutable parallel safe
    return coalesce(upper(btrim(cameo_code)), '') || '|'
        || regexp_replace(btrim(parley_fold(name)), '\s+', ' ', 'g');

create table actor (
    id             uuid primary key,
    kind           text        not null check (kind in ('PERSON', 'STATE', 'ORGANIZATION', 'GROUP')),
    name           text        not null check (length(btrim(name)) between 1 and 300),
    aliases        text[]      not null default '{}',
    country        text        check (country ~ '^[A-Z]{3}$'),
    cameo_code     text        check (cameo_code ~ '^[A-Z0-9]{3,30}$'),
    wikidata_id    text        check (wikidata_id ~ '^Q[0-9]+$'),
    description    text,
    -- Set only for actors created by POST /actors/resolve; unique so concurrent importers cannot
    -- create the same actor twice (INSERT … ON CONFLICT DO NOTHING relies on it).
    resolution_key text,
    search_text    text        generated always as (parley_actor_search_text(name, aliases)) stored,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint actor_wikidata_id_key unique (wikidata_id),
    constraint actor_resolution_key_key unique (resolution_key)
);

-- Substring search (LIKE '%…%') on folded text is served by a trigram index.
create index actor_search_text_trgm on actor using gin (search_text gin_trgm_ops);
-- Keyset pagination walks (name, id).
create index actor_name_id on actor (name, id);
create index actor_kind on actor (kind);
create index actor_country on actor (country);
create index actor_cameo_code on actor (cameo_code);

create table relationship (
    id         uuid primary key,
    type       text        not null check (type in ('HOLDS_OFFICE_IN', 'MEMBER_OF', 'REPRESENTS', 'RELATIVE_OF')),
    title      text        check (length(title) <= 200),
    -- Both ends live in this database, so a real foreign key is fine: an actor's relationships go
    -- with it.
    from_id    uuid        not null references actor (id) on delete cascade,
    to_id      uuid        not null references actor (id) on delete cascade,
    since      date,
    until      date,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    check (from_id <> to_id),
    check (since is null or until is null or until >= since)
);

create index relationship_from_id on relationship (from_id);
create index relationship_to_id on relationship (to_id);
