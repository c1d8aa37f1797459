-- The seed article as places and events: "Putin doubles down on demands for Ukrainian territory
-- ahead of talks with US in Moscow" (27 November 2025). See README.md next to this file for the ids
-- and for which sentence each row comes from. Actor ids are actors-service's seed ids (…a001 …a014).
--
-- A Flyway *repeatable* migration: it runs after the versioned schema migrations, again only when
-- this file changes, and every row goes through the schema's CHECK and FK constraints. Every write
-- is an upsert that touches a row only when something differs, so loading it twice changes
-- nothing. The columns the service derives on write (root code, QuadClass, Goldstein, end of the
-- date range, full-text vector, event_key rows) are derived here the same way, so seeded events are complete.

-- The file is always packaged (db/seed is in quarkus.flyway.locations, a build-time setting) but
-- writes only where the Flyway placeholder `seed` is true: dev mode, bin/parley up, tests that opt
-- in. Flyway folds placeholder values into a repeatable migration's checksum, so switching the
-- seed on later re-runs this file. One PL/pgSQL block, so the switch is one line.
do $seed$
begin
if not '${seed}'::boolean then
  return;
end if;

-- The CAMEO catalogue is upserted by CatalogueLoader at start-up, i.e. AFTER Flyway. The codes used
-- below must exist before their events (FK), so they are written here with the catalogue's own
-- values (CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt, 106 as corrected by the service; QuadClass
-- by root 01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4). "do nothing" leaves the loader in charge.
insert into event_type (code, name, root_code, quad_class, goldstein) values
  ('010', 'Make statement, not specified below', '01', 1, 0.0),
  ('013', 'Make optimistic comment', '01', 1, 0.4),
  ('014', 'Consider policy option', '01', 1, 0.0),
  ('036', 'Express intent to meet or negotiate', '03', 1, 4.0),
  ('037', 'Express intent to settle dispute', '03', 1, 5.0),
  ('042', 'Make a visit', '04', 1, 1.9),
  ('051', 'Praise or endorse', '05', 1, 3.4),
  ('106', 'Demand withdrawal', '10', 3, -5.0),
  ('111', 'Criticize or denounce', '11', 3, -2.0),
  ('112', 'Accuse, not specified below', '11', 3, -2.0),
  ('138', 'Threaten to use military force, not specified below', '13', 3, -7.0),
  ('192', 'Occupy territory', '19', 4, -9.5)
on conflict (code) do nothing;

-- --- places ---------------------------------------------------------------------------------------
-- Coordinates: a country's are its capital's, a region's its administrative centre's; Donbas is no
-- administrative unit and has none.
create temporary table seed_place (
    id uuid, name text, kind text, country_code text, parent_id uuid,
    latitude double precision, longitude double precision, status text, status_since date
) on commit drop;
insert into seed_place values
  ('00000000-0000-4000-8000-00000000f001', 'Ukraine', 'COUNTRY', 'UKR', null, 50.4501, 30.5234, null, null),
  ('00000000-0000-4000-8000-00000000f002', 'Crimea', 'TERRITORY', 'UKR', '00000000-0000-4000-8000-00000000f001',
     44.9521, 34.1024, 'Annexed by Russia in 2014; the annexation is not internationally recognised', '2014-03-18'),
  ('00000000-0000-4000-8000-00000000f003', 'Donbas', 'REGION', 'UKR', '00000000-0000-4000-8000-00000000f001',
     null, null, 'Largely occupied by Russia', null),
  ('00000000-0000-4000-8000-00000000f004', 'Luhansk', 'REGION', 'UKR', '00000000-0000-4000-8000-00000000f003',
     48.5740, 39.3078, 'Largely occupied by Russia', null),
  ('00000000-0000-4000-8000-00000000f005', 'Donetsk', 'REGION', 'UKR', '00000000-0000-4000-8000-00000000f003',
     48.0159, 37.8028, 'Largely occupied by Russia', null),
  ('00000000-0000-4000-8000-00000000f006', 'Kyiv', 'CITY', 'UKR', '00000000-0000-4000-8000-00000000f001',
     50.4501, 30.5234, null, null),
  ('00000000-0000-4000-8000-00000000f007', 'Kyrgyzstan', 'COUNTRY', 'KGZ', null, 42.8746, 74.5698, null, null),
  ('00000000-0000-4000-8000-00000000f008', 'Bishkek', 'CITY', 'KGZ', '00000000-0000-4000-8000-00000000f007',
     42.8746, 74.5698, null, null),
  ('00000000-0000-4000-8000-00000000f009', 'Russia', 'COUNTRY', 'RUS', null, 55.7558, 37.6173, null, null),
  ('00000000-0000-4000-8000-00000000f010', 'Moscow', 'CITY', 'RUS', '00000000-0000-4000-8000-00000000f009',
     55.7558, 37.6173, null, null);

-- Parents before children (the parent FK is checked per row).
insert into place as p (id, name, kind, country_code, parent_id, latitude, longitude, status, status_since)
select id, name, kind, country_code, parent_id, latitude, longitude, status, status_since
  from seed_place order by parent_id nulls first, id
on conflict (id) do update set
  name = excluded.name, kind = excluded.kind, country_code = excluded.country_code, parent_id = excluded.parent_id,
  latitude = excluded.latitude, longitude = excluded.longitude, status = excluded.status,
  status_since = excluded.status_since, version = p.version + 1, updated_at = now()
where (p.name, p.kind, p.country_code, p.parent_id, p.latitude, p.longitude, p.status, p.status_since)
  is distinct from (excluded.name, excluded.kind, excluded.country_code, excluded.parent_id, excluded.latitude,
                    excluded.longitude, excluded.status, excluded.status_since);

-- --- events ---------------------------------------------------------------------------------------
-- Putin's press conference in Bishkek was on Thursday 27 November 2025, the day the article was
-- published: "next week" is the week of Monday 1 December 2025 (precision WEEK), "October" is
-- October 2025 (precision MONTH). What the article reports without a date ("revealed",
-- "accusing", "maintained optimism") is dated to the week of publication, precision WEEK.
create temporary table seed_event (
    id uuid, title text, summary text, code text, status text, start_date date, end_date date,
    precision text, location_id uuid
) on commit drop;
insert into seed_event values
  ('00000000-0000-4000-8000-00000000e001', 'Putin visits Kyrgyzstan',
     'Russian President Vladimir Putin''s diplomatic visit to Kyrgyzstan, closing with a press conference in Bishkek.',
     '042', 'OCCURRED', '2025-11-27', null, 'DAY', '00000000-0000-4000-8000-00000000f008'),
  ('00000000-0000-4000-8000-00000000e002', 'Putin demands Ukrainian withdrawal from the territories Russia claims',
     'Putin says Moscow will only cease hostilities if Ukrainian forces completely withdraw from the territories Russia claims: Crimea and the Donbas regions of Luhansk and Donetsk.',
     '106', 'OCCURRED', '2025-11-27', null, 'DAY', '00000000-0000-4000-8000-00000000f008'),
  ('00000000-0000-4000-8000-00000000e003', 'Putin says military force will achieve Russia''s aim if diplomacy fails',
     'Citing Russia''s perceived battlefield advantage, Putin says military force would ultimately achieve the withdrawal if diplomatic efforts fail.',
     '138', 'OCCURRED', '2025-11-27', null, 'DAY', '00000000-0000-4000-8000-00000000f008'),
  ('00000000-0000-4000-8000-00000000e004', 'United States drafts a revised peace proposal',
     'A revised American-drafted peace proposal for ending the war in Ukraine, from October 2025.',
     '037', 'OCCURRED', '2025-10-01', null, 'MONTH', null),
  ('00000000-0000-4000-8000-00000000e005', 'Putin sees the US peace proposal as a possible basis for agreements',
     'Putin acknowledges reviewing the revised US-drafted proposal and suggests it could serve as a foundational document for future agreements, while certain points, above all the status of the occupied territories, still need diplomatic formulation.',
     '014', 'OCCURRED', '2025-11-27', null, 'DAY', '00000000-0000-4000-8000-00000000f008'),
  ('00000000-0000-4000-8000-00000000e006', 'Putin names recognition of Russian control over Crimea and Donbas as the focus of talks with the US',
     'Asked about de facto versus legal recognition of Russian control over Crimea and Donbas, Putin identifies it as the central focus of discussions with American counterparts.',
     '036', 'OCCURRED', '2025-11-27', null, 'DAY', '00000000-0000-4000-8000-00000000f008'),
  ('00000000-0000-4000-8000-00000000e007', 'Putin: "no use" negotiating with Ukraine''s government',
     'Putin reiterates his dismissal of Ukraine''s political legitimacy: there is "no use" negotiating with what he considers an illegitimate government.',
     '111', 'OCCURRED', '2025-11-27', null, 'DAY', '00000000-0000-4000-8000-00000000f008'),
  ('00000000-0000-4000-8000-00000000e008', 'US envoy Witkoff to hold talks in Moscow',
     'U.S. special envoy Steve Witkoff is expected in Moscow next week for talks; Jared Kushner might accompany the delegation.',
     '042', 'SCHEDULED', '2025-12-01', null, 'WEEK', '00000000-0000-4000-8000-00000000f010'),
  ('00000000-0000-4000-8000-00000000e009', 'US Army Secretary Driscoll to visit Kyiv',
     'U.S. Army Secretary Dan Driscoll is scheduled to visit Kyiv at the same time as the Moscow talks.',
     '042', 'SCHEDULED', '2025-12-01', null, 'WEEK', '00000000-0000-4000-8000-00000000f006'),
  ('00000000-0000-4000-8000-00000000e010', 'Trump says Kushner might join the delegation to Moscow',
     'President Donald Trump reveals that his son-in-law Jared Kushner might accompany the U.S. delegation to Moscow.',
     '010', 'OCCURRED', '2025-11-24', null, 'WEEK', null),
  ('00000000-0000-4000-8000-00000000e011', 'Verkhovna Rada affirms Zelensky''s legitimacy',
     'The Ukrainian parliament unanimously affirms President Zelensky''s legitimacy, although martial law prevents the scheduled elections.',
     '051', 'OCCURRED', '2025-02-01', null, 'MONTH', '00000000-0000-4000-8000-00000000f006'),
  ('00000000-0000-4000-8000-00000000e012', 'Von der Leyen accuses Russia of a post-WWII sphere-of-influence mentality',
     'European Commission President Ursula von der Leyen accuses Russia of maintaining a post-World War Two mentality regarding European spheres of influence.',
     '112', 'OCCURRED', '2025-11-24', null, 'WEEK', null),
  ('00000000-0000-4000-8000-00000000e013', 'Putin calls warnings of a Russian attack on Europe "laughable"',
     'Putin dismisses warnings about potential Russian attacks on Europe as "laughable".',
     '111', 'OCCURRED', '2025-11-27', null, 'DAY', '00000000-0000-4000-8000-00000000f008'),
  ('00000000-0000-4000-8000-00000000e014', 'White House optimistic about diplomatic progress',
     'The White House maintains optimism about recent diplomatic progress despite acknowledged remaining disagreements.',
     '013', 'OCCURRED', '2025-11-24', null, 'WEEK', null),
  ('00000000-0000-4000-8000-00000000e015', 'Russia annexes Crimea',
     'Russia annexes Crimea; the annexation is not internationally recognised, and the dispute over the territory follows from it.',
     '192', 'OCCURRED', '2014-03-18', null, 'DAY', '00000000-0000-4000-8000-00000000f002');

insert into event as e (id, title, summary, code, root_code, quad_class, goldstein, status, start_date, end_date,
                        precision, end_exclusive, location_id)
select s.id, s.title, s.summary, s.code, t.root_code, t.quad_class, t.goldstein, s.status, s.start_date, s.end_date,
       s.precision,
       -- [start, end + 1 day) with an end, otherwise [start, start + one unit of precision)
       coalesce(s.end_date + 1, (s.start_date + case s.precision when 'DAY' then interval '1 day'
                                                                 when 'WEEK' then interval '7 days'
                                                                 when 'MONTH' then interval '1 month'
                                                                 else interval '1 year' end)::date),
       s.location_id
  from seed_event s join event_type t on t.code = s.code
on conflict (id) do update set
  title = excluded.title, summary = excluded.summary, code = excluded.code, root_code = excluded.root_code,
  quad_class = excluded.quad_class, goldstein = excluded.goldstein, status = excluded.status,
  start_date = excluded.start_date, end_date = excluded.end_date, precision = excluded.precision,
  end_exclusive = excluded.end_exclusive, location_id = excluded.location_id,
  version = e.version + 1, updated_at = now()
where (e.title, e.summary, e.code, e.root_code, e.quad_class, e.goldstein, e.status, e.start_date, e.end_date,
       e.precision, e.end_exclusive, e.location_id)
  is distinct from (excluded.title, excluded.summary, excluded.code, excluded.root_code, excluded.quad_class,
                    excluded.goldstein, excluded.status, excluded.start_date, excluded.end_date, excluded.precision,
                    excluded.end_exclusive, excluded.location_id);

-- --- participants ---------------------------------------------------------------------------------
-- Actors: a001 Putin, a002 Trump, a003 Witkoff, a004 Kushner, a005 Driscoll, a006 Zelensky,
-- a007 von der Leyen, a008 Russia, a009 Ukraine, a010 United States, a011 Kyrgyzstan,
-- a012 European Commission, a013 Verkhovna Rada, a014 White House.
create temporary table seed_participant (event_id uuid, actor_id uuid, role text, ordinal int) on commit drop;
insert into seed_participant
select ('00000000-0000-4000-8000-00000000' || e)::uuid, ('00000000-0000-4000-8000-00000000' || a)::uuid, role, ordinal
  from (values
    ('e001', 'a001', 'SOURCE', 0), ('e001', 'a008', 'SOURCE', 1), ('e001', 'a011', 'HOST', 2),
    ('e002', 'a001', 'SOURCE', 0), ('e002', 'a008', 'SOURCE', 1), ('e002', 'a009', 'TARGET', 2),
    ('e003', 'a001', 'SOURCE', 0), ('e003', 'a008', 'SOURCE', 1), ('e003', 'a009', 'TARGET', 2),
    ('e004', 'a010', 'SOURCE', 0), ('e004', 'a008', 'TARGET', 1), ('e004', 'a009', 'TARGET', 2),
    ('e005', 'a001', 'SOURCE', 0), ('e005', 'a010', 'TARGET', 1),
    ('e006', 'a001', 'SOURCE', 0), ('e006', 'a010', 'TARGET', 1),
    ('e007', 'a001', 'SOURCE', 0), ('e007', 'a009', 'TARGET', 1), ('e007', 'a006', 'TARGET', 2),
    ('e008', 'a003', 'SOURCE', 0), ('e008', 'a010', 'SOURCE', 1), ('e008', 'a004', 'ATTENDEE', 2),
    ('e008', 'a008', 'HOST', 3), ('e008', 'a001', 'TARGET', 4),
    ('e009', 'a005', 'SOURCE', 0), ('e009', 'a010', 'SOURCE', 1), ('e009', 'a009', 'HOST', 2),
    ('e010', 'a002', 'SOURCE', 0), ('e010', 'a004', 'TARGET', 1),
    ('e011', 'a013', 'SOURCE', 0), ('e011', 'a006', 'TARGET', 1),
    ('e012', 'a007', 'SOURCE', 0), ('e012', 'a012', 'SOURCE', 1), ('e012', 'a008', 'TARGET', 2),
    ('e013', 'a001', 'SOURCE', 0),
    ('e014', 'a014', 'SOURCE', 0),
    ('e015', 'a008', 'SOURCE', 0), ('e015', 'a009', 'TARGET', 1)
  ) v (e, a, role, ordinal);

-- The seed owns its events' participant lists: what the seed no longer lists goes.
delete from event_participant p
 where p.event_id in (select id from seed_event)
   and not exists (select 1 from seed_participant s
                    where (s.event_id, s.actor_id, s.role) = (p.event_id, p.actor_id, p.role));
insert into event_participant as p (event_id, actor_id, role, ordinal)
select event_id, actor_id, role, ordinal from seed_participant
on conflict (event_id, actor_id, role) do update set ordinal = excluded.ordinal
where p.ordinal is distinct from excluded.ordinal;

-- --- subjects: the places at stake ----------------------------------------------------------------
create temporary table seed_subject (event_id uuid, place_id uuid, ordinal int) on commit drop;
insert into seed_subject
select ('00000000-0000-4000-8000-00000000' || e)::uuid, ('00000000-0000-4000-8000-00000000' || f)::uuid, ordinal
  from (values
    -- f002 Crimea, f003 Donbas, f004 Luhansk, f005 Donetsk
    ('e002', 'f002', 0), ('e002', 'f004', 1), ('e002', 'f005', 2),
    ('e003', 'f002', 0), ('e003', 'f004', 1), ('e003', 'f005', 2),
    ('e004', 'f002', 0), ('e004', 'f003', 1),
    ('e005', 'f002', 0), ('e005', 'f003', 1),
    ('e006', 'f002', 0), ('e006', 'f003', 1),
    ('e008', 'f002', 0), ('e008', 'f003', 1),
    ('e015', 'f002', 0)
  ) v (e, f, ordinal);

delete from event_subject j
 where j.event_id in (select id from seed_event)
   and not exists (select 1 from seed_subject s where (s.event_id, s.place_id) = (j.event_id, j.place_id));
insert into event_subject as j (event_id, place_id, ordinal)
select event_id, place_id, ordinal from seed_subject
on conflict (event_id, place_id) do update set ordinal = excluded.ordinal
where j.ordinal is distinct from excluded.ordinal;

-- --- related events -------------------------------------------------------------------------------
create temporary table seed_relation (event_id uuid, kind text, related_id uuid) on commit drop;
insert into seed_relation
select ('00000000-0000-4000-8000-00000000' || e)::uuid, kind, ('00000000-0000-4000-8000-00000000' || r)::uuid
  from (values
    -- what Putin said at the press conference is part of the Bishkek visit
    ('e002', 'PART_OF', 'e001'), ('e003', 'PART_OF', 'e001'), ('e005', 'PART_OF', 'e001'),
    ('e006', 'PART_OF', 'e001'), ('e007', 'PART_OF', 'e001'), ('e013', 'PART_OF', 'e001'),
    -- the territorial dispute follows from the annexation of Crimea
    ('e002', 'FOLLOWS', 'e015'), ('e006', 'FOLLOWS', 'e015'),
    -- Putin's reading answers the proposal; the Moscow talks and the Kyiv visit follow it
    ('e005', 'RESPONDS_TO', 'e004'), ('e008', 'FOLLOWS', 'e004'), ('e009', 'FOLLOWS', 'e004')
  ) v (e, kind, r);

delete from event_relation j
 where j.event_id in (select id from seed_event)
   and not exists (select 1 from seed_relation s
                    where (s.event_id, s.kind, s.related_id) = (j.event_id, j.kind, j.related_id));
insert into event_relation (event_id, kind, related_id)
select event_id, kind, related_id from seed_relation
on conflict do nothing;

-- --- sources: the article, with the sentence or quote behind each event ---------------------------
-- The article names no URL or publisher. url is required by the schema (and the API wants http(s)),
-- so it holds a URN that names the article rather than an invented web address.
create temporary table seed_source (id uuid, event_id uuid, excerpt text, speaker_id uuid) on commit drop;
insert into seed_source
select ('00000000-0000-4000-8000-00000000' || c)::uuid, ('00000000-0000-4000-8000-00000000' || e)::uuid, excerpt,
       ('00000000-0000-4000-8000-00000000' || speaker)::uuid
  from (values
    ('c001', 'e001', 'During his diplomatic visit to Kyrgyzstan, Putin emphasized Russia’s perceived battlefield advantage.', null),
    ('c002', 'e002', 'Moscow will only cease hostilities if Ukrainian forces completely withdraw from territories currently claimed by Russia.', 'a001'),
    ('c003', 'e003', 'Military force would ultimately achieve this objective if diplomatic efforts fail.', 'a001'),
    ('c004', 'e004', 'Putin acknowledged reviewing a revised American-drafted peace proposal from October.', null),
    ('c005', 'e005', '“certain specific points that require diplomatic formulation”', 'a001'),
    ('c006', 'e006', 'When questioned about potential de facto versus legal recognition of Russian control over Crimea and Donbas, Putin identified this as the central focus of discussions with American counterparts.', 'a001'),
    ('c007', 'e007', 'There was “no use” negotiating with what he considers an illegitimate government.', 'a001'),
    ('c008', 'e008', 'The anticipated arrival of U.S. special envoy Steve Witkoff in Moscow next week.', null),
    ('c009', 'e009', 'U.S. Army Secretary Dan Driscoll is scheduled to visit Kyiv simultaneously.', null),
    ('c010', 'e010', 'President Donald Trump revealed that his son-in-law Jared Kushner might accompany the delegation.', 'a002'),
    ('c011', 'e011', 'The Ukrainian parliament’s unanimous affirmation of President Zelensky’s legitimacy despite martial law preventing scheduled elections.', null),
    ('c012', 'e012', 'Ursula von der Leyen accusing Russia of maintaining a post-World War Two mentality regarding European spheres of influence.', 'a007'),
    ('c013', 'e013', 'Putin dismissed warnings about potential Russian attacks on Europe as “laughable”.', 'a001'),
    ('c014', 'e014', 'The White House maintained optimism about recent diplomatic progress despite acknowledged remaining disagreements.', null),
    ('c015', 'e015', 'The contested regions include Crimea, illegally annexed in 2014.', null)
  ) v (c, e, excerpt, speaker);

delete from event_source o
 where o.event_id in (select id from seed_event)
   and o.id::text like '00000000-0000-4000-8000-00000000c%'
   and o.id not in (select id from seed_source);
insert into event_source as o (id, event_id, url, publisher, title, published_at, excerpt, speaker_id)
select id, event_id, null, null,
       'Putin doubles down on demands for Ukrainian territory ahead of talks with US in Moscow',
       timestamptz '2025-11-27 00:00:00+00', excerpt, speaker_id
  from seed_source
on conflict (id) do update set
  event_id = excluded.event_id, url = excluded.url, publisher = excluded.publisher, title = excluded.title,
  published_at = excluded.published_at, excerpt = excluded.excerpt, speaker_id = excluded.speaker_id
where (o.event_id, o.url, o.publisher, o.title, o.published_at, o.excerpt, o.speaker_id)
  is distinct from (excluded.event_id, excluded.url, excluded.publisher, excluded.title, excluded.published_at,
                    excluded.excerpt, excluded.speaker_id);

-- --- full text ------------------------------------------------------------------------------------
-- Same vector the service writes (EventRepository#refreshSearch): title (A), summary (B), source
-- titles and excerpts (C).
update event e
   set search = v.search
  from (select ev.id,
               setweight(to_tsvector('english', ev.title), 'A')
               || setweight(to_tsvector('english', coalesce(ev.summary, '')), 'B')
               || setweight(to_tsvector('english', coalesce((select string_agg(concat_ws(' ', o.title, o.excerpt), ' ')
                                                             from event_source o where o.event_id = ev.id), '')), 'C')
                  as search
          from event ev where ev.id in (select id from seed_event)) v
 where e.id = v.id and e.search is distinct from v.search;

-- --- actor, dyad and place keys ---------------------------------------------------------------------
-- What the service derives after each write (EventRepository#refreshDerived, V3 migration): the
-- rows the actor, dyad and place filters walk. Rewriting them is idempotent.
perform refresh_event_keys(array(select id from seed_event));

end
$seed$;
