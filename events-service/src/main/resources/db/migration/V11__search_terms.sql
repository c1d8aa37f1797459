-- event_term: relevance order read from an index (issue 16, goal 4). One row per (lexeme, event) of the
-- event's full-text vector, with the event's relevance for that one word: ts_rank(search, 'lexeme'), which
-- depends only on the weights of that word's occurrences (title A, summary B, sources C; no length
-- normalisation). Indexed (lexeme, score desc, event_id desc), a word's matches are one index range already
-- in the API's relevance order (rank desc, id desc): a page is one range read from a keyset position, not a
-- rank of every match (ts_rank over the GIN index: ~2 s for a word in most of 1,000,000 events; RUM: worse,
-- it sorts every match inside the index). Queries of several words walk their most selective word's range
-- and test the whole query on the event row (EventRepository, README "Relevance").
--
-- Rows are derived from event.search by the statement triggers below, in the writing transaction: every
-- writer (inserts of EventRepository#insertEvents, the vector rewritten by #refreshSearch, deletes, the
-- seed) keeps them without knowing of them. No foreign key: a cascade would need a second index on
-- event_id (17 M entries at 1,000,000 events) for each delete; the delete trigger removes the rows by the
-- old vector's (lexeme, score) instead, which is this index. Writers that switch triggers off
-- (bench/gen/load-events.sql) call refresh_event_terms().

-- The tsquery of one lexeme, spelled as tsquery input (quoted; quote and backslash escaped) so the
-- lexeme is taken as it is stored, not parsed or stemmed again.
create function lexeme_query(lexeme text) returns tsquery
    language sql immutable strict parallel safe
    return ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery;

-- Each lexeme of v with the relevance of v for that lexeme alone, as ts_rank computes it for the query of
-- that one word (so a one-word query ranks exactly as ts_rank ranked it before).
create function event_terms(v tsvector) returns table (lexeme text, score real)
    language sql immutable strict parallel safe rows 30
    as $$ select u.lexeme, ts_rank(v, lexeme_query(u.lexeme)) from unnest(v) as u $$;

create table event_term (
    lexeme    text not null,
    score     real not null,
    event_id  uuid not null
);
create index event_term_rank_idx on event_term (lexeme, score desc, event_id desc);

-- Rebuilds every row from the current vectors (for writers that switched the triggers off).
create function refresh_event_terms() returns void
    language plpgsql set jit = off as $$
begin
    truncate event_term;
    insert into event_term (lexeme, score, event_id)
    select t.lexeme, t.score, e.id from event e cross join lateral event_terms(e.search) t;
end;
$$;

-- Statement triggers with transition tables: a batch of 1,000 events is one insert here, not 1,000.
-- enable_seqscan off: the old rows are found by probes of event_term_rank_idx, never by a scan of the
-- whole table (the planner cannot know that a transition table holds a handful of rows). Updates that
-- leave the vector as it was (status, metrics …) change nothing. (Each branch names only the transition
-- tables its trigger has: PL/pgSQL plans a statement when it first runs it.)
create function event_term_after_write() returns trigger
    language plpgsql set jit = off set enable_seqscan = off as $$
begin
    if tg_op = 'INSERT' then
        insert into event_term (lexeme, score, event_id)
        select x.lexeme, x.score, n.id from new_rows n cross join lateral event_terms(n.search) x;
    elsif tg_op = 'DELETE' then
        delete from event_term t using old_rows o cross join lateral event_terms(o.search) x
         where t.lexeme = x.lexeme and t.score = x.score and t.event_id = o.id;
    else
        delete from event_term t
         using old_rows o join new_rows n on n.id = o.id and n.search is distinct from o.search
         cross join lateral event_terms(o.search) x
         where t.lexeme = x.lexeme and t.score = x.score and t.event_id = o.id;
        insert into event_term (lexeme, score, event_id)
        select x.lexeme, x.score, n.id
          from new_rows n join old_rows o on o.id = n.id and n.search is distinct from o.search
         cross join lateral event_terms(n.search) x;
    end if;
    return null;
end;
$$;
create trigger event_term_on_insert after insert on event
    referencing new table as new_rows for each statement execute function event_term_after_write();
create trigger event_term_on_update after update on event
    referencing old table as old_rows new table as new_rows for each statement execute function event_term_after_write();
create trigger event_term_on_delete after delete on event
    referencing old table as old_rows for each statement execute function event_term_after_write();

-- Databases that already hold events (the seed, imports) get their rows now.
select refresh_event_terms();

-- The RUM index of V8 was built wherever the extension exists, though ranking uses it only with
-- parley.events.rank-with-rum=true (87 MB at 1,000,000 events, and a cost on every write). Dropped here;
-- with the option on, events-service creates it at start where the extension exists (SearchIndex).
drop index if exists event_search_rum_idx;
