-- One event per story (issue 17): an imported event's story key — its day (with precision), CAMEO code,
-- place and ordered participants — so that a batch sent with mergeStories merges a later report of the
-- same happening into the stored event instead of inserting another. Null for events recorded through
-- the normal API, edited by hand, imported without merging or stored before this migration: those are
-- never merged into. Unique: two events for one story cannot both exist, whatever the concurrency (the
-- batch also serialises on the key with an advisory lock, so this index is the net, not the mechanism).
alter table event add column story_key text;
create unique index event_story_key_idx on event (story_key) where story_key is not null;
