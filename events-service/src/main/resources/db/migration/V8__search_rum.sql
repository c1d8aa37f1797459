-- Relevance-ranked full text (issue 16): a RUM index (Postgres Pro's extension `rum`, Debian's
-- postgresql-NN-rum) keeps each lexeme's positions in the index, so `order by search <=> query` can read
-- matches in rank order without the heap. Used only with parley.events.rank-with-rum=true: measured at
-- 1,000,000 events it still sorts every match inside the index, slower than ts_rank for common words
-- (events-service README, Relevance).
-- The extension is optional: only a superuser may create it (bin/db-ensure does), and a managed
-- PostgreSQL may not offer it. Without it nothing is created here and the service ranks with ts_rank
-- over the GIN index (EventRepository checks for this index at start). The GIN index stays either way:
-- it serves the `@@` matches of date-ordered text filters and counts.
do $$
begin
    if not exists (select from pg_extension where extname = 'rum')
       and exists (select from pg_available_extensions where name = 'rum') then
        begin
            create extension rum;
        exception when insufficient_privilege then
            raise notice 'extension rum is available but this role may not create it: ranked text uses ts_rank';
        end;
    end if;
    if exists (select from pg_extension where extname = 'rum') then
        create index event_search_rum_idx on event using rum (search rum_tsvector_ops);
    end if;
end
$$;
