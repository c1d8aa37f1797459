-- A source may be a text without an address (a printed report, the seed article): url becomes
-- optional, but a source must still be identifiable by its url or its title.
alter table event_source alter column url drop not null;
alter table event_source add constraint event_source_identified check (url is not null or title is not null);
alter table event_source add constraint event_source_url_http check (url is null or url ~ '^https?://');
