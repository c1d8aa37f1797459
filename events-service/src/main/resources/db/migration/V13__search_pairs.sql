-- event_pair: the candidates of a phrase, in its lead word's relevance order (issue 16, goal 4). One row
-- per (first, second, event) where the lexeme `second` stands right after `first` in the event's full-text
-- vector (positions p and p + 1, what a phrase's `<->` tests), with both words' one-word relevance as
-- event_term holds it (ts_rank(search, 'word')). A phrase "a b" ranks by its lead word (the rarer of its
-- words, TextRanking), and the events holding it are only a few of those holding the lead: walking the
-- lead's event_term range tested thousands of entries for a page ("troops airspace": 2,660 → 21; p95 of the
-- benchmark's phrases 74.5 ms at 1,000,000 events on a quiet machine). The pair's own range, in the lead's
-- order, holds every event where the two words are adjacent, so nearly every entry is a match. Two indexes,
-- one per side the lead can be on: (first, second, first_score desc, event_id desc) for a phrase led by
-- its first word, (second, first, second_score desc, event_id desc) for one led by its second. The rows
-- are candidates only: a page still tests the whole query on each event row (EventRepository#termEvents),
-- so a three-word phrase, a phrase with exclusions or other filters keep their exact matches.
--
-- Kept like event_term (V11): statement triggers derive the rows from event.search in the writing
-- transaction, no foreign key, deletes by the old vector's rows through the first index; writers that
-- switch triggers off (bench/gen/load-events.sql) call refresh_event_pairs().

-- Each pair of adjacent lexemes of v (once, however often it occurs) with each word's relevance for that
-- one word, the expression of event_terms (V11), so the scores equal event_term's and the exact path's.
create function event_pairs(v tsvector) returns table (first text, second text, first_score real, second_score real)
    language sql immutable strict parallel safe rows 30
    as $$
    with t as (select u.lexeme, u.positions, ts_rank(v, lexeme_query(u.lexeme)) as score from unnest(v) as u),
         p as (select t.lexeme, t.score, x.pos from t cross join lateral unnest(t.positions) as x(pos))
    select distinct l.lexeme, r.lexeme, l.score, r.score from p l join p r on r.pos = l.pos + 1
    $$;

create table event_pair (
    first         text not null,
    second        text not null,
    first_score   real not null,
    second_score  real not null,
    event_id      uuid not null
);

-- Rebuilds every row from the current vectors (for writers that switched the triggers off).
create function refresh_event_pairs() returns void
    language plpgsql set jit = off as $$
begin
    truncate event_pair;
    insert into event_pair (first, second, first_score, second_score, event_id)
    select p.first, p.second, p.first_score, p.second_score, e.id from event e cross join lateral event_pairs(e.search) p;
end;
$$;

-- Databases that already hold events get their rows now, before the indexes (one sort each instead of
-- ~20 random index inserts per event).
select refresh_event_pairs();

create index event_pair_first_idx on event_pair (first, second, first_score desc, event_id desc);
create index event_pair_second_idx on event_pair (second, first, second_score desc, event_id desc);

-- As event_term_after_write (V11): transition tables, probes of the first index to find old rows, and
-- updates that leave the vector as it was change nothing.
create function event_pair_after_write() returns trigger
    language plpgsql set jit = off set enable_seqscan = off as $$
begin
    if tg_op = 'INSERT' then
        insert into event_pair (first, second, first_score, second_score, event_id)
        select x.first, x.second, x.first_score, x.second_score, n.id from new_rows n cross join lateral event_pairs(n.search) x;
    elsif tg_op = 'DELETE' then
        delete from event_pair t using old_rows o cross join lateral event_pairs(o.search) x
         where t.first = x.first and t.second = x.second and t.first_score = x.first_score and t.event_id = o.id;
    else
        delete from event_pair t
         using old_rows o join new_rows n on n.id = o.id and n.search is distinct from o.search
         cross join lateral event_pairs(o.search) x
         where t.first = x.first and t.second = x.second and t.first_score = x.first_score and t.event_id = o.id;
        insert into event_pair (first, second, first_score, second_score, event_id)
        select x.first, x.second, x.first_score, x.second_score, n.id
          from new_rows n join old_rows o on o.id = n.id and n.search is distinct from o.search
         cross join lateral event_pairs(n.search) x;
    end if;
    return null;
end;
$$;
create trigger event_pair_on_insert after insert on event
    referencing new table as new_rows for each statement execute function event_pair_after_write();
create trigger event_pair_on_update after update on event
    referencing old table as old_rows new table as new_rows for each statement execute function event_pair_after_write();
create trigger event_pair_on_delete after delete on event
    referencing old table as old_rows for each statement execute function event_pair_after_write();
