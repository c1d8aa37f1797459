package org.parley.events.event.repository;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parley.events")
public interface EventQueryConfig {

    /**
     * Rank text matches with the RUM index ({@code <=>}) when the V8 migration could create it. False
     * keeps ts_rank over the GIN index even where the index exists (the path of a PostgreSQL without
     * the extension; tests use it to cover that path).
     */
    @WithDefault("true")
    boolean rankWithRum();

    /**
     * totalCount counts at most this many matches; beyond it the answer is this number with
     * {@code totalCountIsExact: false}. Counting is the one cost of a list that grows with the number of
     * matches (the busiest actor's 120,000 events: ~90 ms); 10,000 index entries cost a few ms. 0 counts
     * every match.
     */
    @WithDefault("10000")
    int countLimit();
}
