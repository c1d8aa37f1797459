-- Before input was checked, PUT/POST stored a metric of 1e400, -1e400 or "NaN" (a number beyond a
-- double, or the string Jackson wrote for one) and from then on every read of the event failed.
-- Such entries cannot be represented in the API, so they are removed; the rest of the event is kept.
-- A metrics value that is not a JSON object at all becomes null. Reads also skip such entries.
update event e
set metrics = (select jsonb_object_agg(m.key, m.value)
               from jsonb_each(e.metrics) as m(key, value)
               where jsonb_typeof(m.value) = 'number'
                 and abs(m.value::text::numeric) <= 1.7976931348623157e308)
where jsonb_typeof(e.metrics) = 'object'
  and exists (select 1 from jsonb_each(e.metrics) as m(key, value)
              where jsonb_typeof(m.value) <> 'number'
                 or case when jsonb_typeof(m.value) = 'number'
                         then abs(m.value::text::numeric) > 1.7976931348623157e308 else false end);

update event set metrics = null where metrics is not null and jsonb_typeof(metrics) <> 'object';

-- Likewise a source's published_at outside 0001-01-01 .. 9999-12-31 (UTC), which the API now refuses
-- and cannot write back as ISO 8601: the time is dropped, the source kept.
update event_source set published_at = null
where published_at < '0001-01-01T00:00:00Z' or published_at >= '10000-01-01T00:00:00Z';
