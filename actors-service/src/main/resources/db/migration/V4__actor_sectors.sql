-- Issue 17, "who is who". GDELT codes a government, a military, a police … as the country code plus
-- CAMEO actor types (USAGOV, USAMIL, USACOP), and writes the country's name for all of them, so the
-- first import made thirteen GROUP actors named "UNITED STATES". Such a composite code is now a
-- SECTOR of its state: an ORGANIZATION named "United States — Government" with a SECTOR_OF
-- relationship to the state (the importer's rule, importer/README.md, "Who is who"). This file adds
-- the schema; V5 migrates the actors the first import made.

-- 1. The relationship type "is a sector of" (from the sector to the state). At most one per pair, so
--    resolve can add it with ON CONFLICT DO NOTHING under concurrent importers.
alter table relationship drop constraint relationship_type_check;
alter table relationship add constraint relationship_type_check
    check (type in ('HOLDS_OFFICE_IN', 'MEMBER_OF', 'REPRESENTS', 'RELATIVE_OF', 'SECTOR_OF'));
create unique index relationship_sector_of_key on relationship (from_id, to_id) where type = 'SECTOR_OF';

-- 2. How many events an actor takes part in, for ranking search results. actors-service does not own
--    events: the importer sets it (POST /actors/event-counts) from events-service's counts after each
--    chunk, absolute numbers, so a re-run or a crash between the two calls cannot make it drift.
alter table actor add column event_count bigint not null default 0 check (event_count >= 0);

-- Search ranks by it within a tier (ActorRepository.searchActors).
create index actor_event_count on actor (event_count desc);
