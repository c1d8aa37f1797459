-- POST /actors/resolve should also find actors created by hand or by the seed (Putin, RUSGOV) when
-- an importer sends the same CAMEO code and name ("VLADIMIR PUTIN"), not only the ones it created
-- itself. Every actor gets its resolution key computed; it is not unique (two people may share a
-- name and a code), so the unique resolution_key column stays what makes concurrent resolving safe.
alter table actor
    add column match_key text generated always as (parley_resolution_key(cameo_code, name)) stored;

create index actor_match_key on actor (match_key);
