-- The seed article as actors: "Putin doubles down on demands for Ukrainian territory ahead of talks
-- with US in Moscow" (27 November 2025). See README.md next to this file for the ids and for which
-- sentence each row comes from.
--
-- A Flyway *repeatable* migration: it runs after the versioned schema migrations, again only when
-- this file changes, and it goes through the schema's own CHECK and FK constraints. Fixed UUIDs let
-- events-service's seed refer to these actors across databases. Every statement is an upsert that
-- touches a row only when something differs, so loading it twice changes nothing (no version bump,
-- no new updated_at).

-- The file is always packaged (db/seed is in quarkus.flyway.locations, a build-time setting) but
-- writes only where the Flyway placeholder `seed` is true: dev mode, bin/parley up, tests that opt
-- in. Flyway folds placeholder values into a repeatable migration's checksum, so switching the
-- seed on later re-runs this file. One PL/pgSQL block, so the switch is one line.
do $seed$
begin
if not '${seed}'::boolean then
  return;
end if;

insert into actor as a (id, kind, name, aliases, country, cameo_code, wikidata_id, description) values
  -- people
  ('00000000-0000-4000-8000-00000000a001', 'PERSON', 'Vladimir Putin',
     array['Putin', 'Vladimir Vladimirovich Putin', 'Владимир Путин'], 'RUS', 'RUSGOV', 'Q7747',
     'President of Russia.'),
  ('00000000-0000-4000-8000-00000000a002', 'PERSON', 'Donald Trump',
     array['Trump', 'Donald J. Trump', 'Donald John Trump'], 'USA', 'USAGOV', 'Q22686',
     'President of the United States.'),
  ('00000000-0000-4000-8000-00000000a003', 'PERSON', 'Steve Witkoff',
     array['Witkoff', 'Steven Witkoff', 'Steven Charles Witkoff'], 'USA', 'USAGOV', null,
     'U.S. special envoy.'),
  ('00000000-0000-4000-8000-00000000a004', 'PERSON', 'Jared Kushner',
     array['Kushner'], 'USA', 'USAELI', null,
     'Son-in-law of President Donald Trump; may accompany the U.S. delegation to Moscow.'),
  ('00000000-0000-4000-8000-00000000a005', 'PERSON', 'Dan Driscoll',
     array['Driscoll', 'Daniel Driscoll'], 'USA', 'USAMIL', null,
     'U.S. Secretary of the Army.'),
  ('00000000-0000-4000-8000-00000000a006', 'PERSON', 'Volodymyr Zelensky',
     array['Zelensky', 'Zelenskyy', 'Volodymyr Zelenskyy', 'Володимир Зеленський'], 'UKR', 'UKRGOV', 'Q3881980',
     'President of Ukraine.'),
  ('00000000-0000-4000-8000-00000000a007', 'PERSON', 'Ursula von der Leyen',
     array['von der Leyen'], 'DEU', 'IGOEUREEC', 'Q60772',
     'President of the European Commission.'),
  -- states
  ('00000000-0000-4000-8000-00000000a008', 'STATE', 'Russia',
     array['Russian Federation', 'Moscow'], 'RUS', 'RUS', 'Q159', null),
  ('00000000-0000-4000-8000-00000000a009', 'STATE', 'Ukraine',
     array['Kyiv'], 'UKR', 'UKR', 'Q212', null),
  ('00000000-0000-4000-8000-00000000a010', 'STATE', 'United States',
     array['United States of America', 'USA', 'US', 'U.S.', 'Washington'], 'USA', 'USA', 'Q30', null),
  ('00000000-0000-4000-8000-00000000a011', 'STATE', 'Kyrgyzstan',
     array['Kyrgyz Republic'], 'KGZ', 'KGZ', 'Q813', null),
  -- organisations
  ('00000000-0000-4000-8000-00000000a012', 'ORGANIZATION', 'European Commission',
     array['EU Commission'], null, 'IGOEUREEC', 'Q8880',
     'Executive of the European Union.'),
  ('00000000-0000-4000-8000-00000000a013', 'ORGANIZATION', 'Verkhovna Rada',
     array['Ukrainian parliament', 'Rada', 'Parliament of Ukraine'], 'UKR', 'UKRLEG', null,
     'The parliament of Ukraine.'),
  ('00000000-0000-4000-8000-00000000a014', 'ORGANIZATION', 'White House',
     array['The White House'], 'USA', 'USAGOV', 'Q35525',
     'The office of the President of the United States.')
on conflict (id) do update set
  kind = excluded.kind, name = excluded.name, aliases = excluded.aliases, country = excluded.country,
  cameo_code = excluded.cameo_code, wikidata_id = excluded.wikidata_id, description = excluded.description,
  version = a.version + 1, updated_at = now()
where (a.kind, a.name, a.aliases, a.country, a.cameo_code, a.wikidata_id, a.description)
  is distinct from (excluded.kind, excluded.name, excluded.aliases, excluded.country, excluded.cameo_code,
                    excluded.wikidata_id, excluded.description);

insert into relationship as r (id, type, title, from_id, to_id, since, until) values
  -- Putin holds office "President" in Russia (the current, continuous presidency)
  ('00000000-0000-4000-8000-00000000d001', 'HOLDS_OFFICE_IN', 'President',
     '00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-00000000a008', '2012-05-07', null),
  ('00000000-0000-4000-8000-00000000d002', 'HOLDS_OFFICE_IN', 'President',
     '00000000-0000-4000-8000-00000000a002', '00000000-0000-4000-8000-00000000a010', '2025-01-20', null),
  -- "U.S. special envoy Steve Witkoff"
  ('00000000-0000-4000-8000-00000000d003', 'REPRESENTS', 'Special Envoy',
     '00000000-0000-4000-8000-00000000a003', '00000000-0000-4000-8000-00000000a010', null, null),
  -- "his son-in-law Jared Kushner"
  ('00000000-0000-4000-8000-00000000d004', 'RELATIVE_OF', 'son-in-law',
     '00000000-0000-4000-8000-00000000a004', '00000000-0000-4000-8000-00000000a002', null, null),
  -- "U.S. Army Secretary Dan Driscoll"
  ('00000000-0000-4000-8000-00000000d005', 'HOLDS_OFFICE_IN', 'Secretary of the Army',
     '00000000-0000-4000-8000-00000000a005', '00000000-0000-4000-8000-00000000a010', null, null),
  ('00000000-0000-4000-8000-00000000d006', 'HOLDS_OFFICE_IN', 'President',
     '00000000-0000-4000-8000-00000000a006', '00000000-0000-4000-8000-00000000a009', '2019-05-20', null),
  -- "European Commission President Ursula von der Leyen"
  ('00000000-0000-4000-8000-00000000d007', 'HOLDS_OFFICE_IN', 'President',
     '00000000-0000-4000-8000-00000000a007', '00000000-0000-4000-8000-00000000a012', '2019-12-01', null),
  -- "the Ukrainian parliament": an institution of the state
  ('00000000-0000-4000-8000-00000000d008', 'MEMBER_OF', 'Parliament',
     '00000000-0000-4000-8000-00000000a013', '00000000-0000-4000-8000-00000000a009', null, null),
  ('00000000-0000-4000-8000-00000000d009', 'MEMBER_OF', 'Office of the President',
     '00000000-0000-4000-8000-00000000a014', '00000000-0000-4000-8000-00000000a010', null, null)
on conflict (id) do update set
  type = excluded.type, title = excluded.title, from_id = excluded.from_id, to_id = excluded.to_id,
  since = excluded.since, until = excluded.until, version = r.version + 1
where (r.type, r.title, r.from_id, r.to_id, r.since, r.until)
  is distinct from (excluded.type, excluded.title, excluded.from_id, excluded.to_id, excluded.since, excluded.until);

end
$seed$;
