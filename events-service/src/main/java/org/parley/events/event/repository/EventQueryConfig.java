package org.parley.events.event.repository;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parley.events")
public interface EventQueryConfig {

    /**
     * Rank text matches with the RUM index ({@code <=>}) when the V8 migration could create it; false
     * (the default) ranks with ts_rank over the GIN index, as on a PostgreSQL without the extension.
     * Off by default: measured at 1,000,000 events, RUM's ordered scan still collects and sorts every
     * match, so a word in most events got slower (README, Relevance).
     */
    @WithDefault("false")
    boolean rankWithRum();

    /**
     * Read relevance pages from event_term (V11 migration): the lead word's index range in rank order,
     * each entry tested against the whole filter on its row (README, Relevance). False ranks the same way
     * by scanning every match (ts_rank of the lead word over the GIN matches): the same results, in the
     * same order, as slowly as before; kept to compare the two (tests, benchmark 4).
     */
    @WithDefault("true")
    boolean rankWithTerms();

    /**
     * With rank-with-terms: read a phrase led by one of its words from event_pair (V13 migration), the range
     * of the phrase's adjacent pair in the lead's order, instead of the lead's own event_term range (README,
     * Relevance). The same results; false reads the word's range, the path before V13, kept for benchmark
     * 4's comparison in one run.
     */
    @WithDefault("true")
    boolean rankWithPairs();

    /**
     * totalCount counts at most this many matches; beyond it the answer is this number with
     * {@code totalCountIsExact: false}. Counting is the one cost of a list that grows with the number of
     * matches (the busiest actor's 120,000 events: ~90 ms); 10,000 index entries cost a few ms. 0 counts
     * every match.
     */
    @WithDefault("10000")
    int countLimit();
}
