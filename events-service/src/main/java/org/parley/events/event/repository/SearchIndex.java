package org.parley.events.event.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Which ranking the relevance order uses, decided once at start-up (after Flyway). By default the lead word's
 * ts_rank, read from event_term (V11 migration, see {@link TextRanking}). With
 * {@code parley.events.rank-with-rum=true} and the extension {@code rum} installed, RUM's {@code <=>} over
 * {@code event_search_rum_idx}, which this class creates then if it is missing: V11 dropped the index V8 built
 * wherever the extension existed, unused by default (87 MB at 1,000,000 events, and a cost on every write).
 * Creating it takes minutes on a large table and blocks writes meanwhile: create it by hand beforehand there
 * (the statement is {@link #CREATE_RUM}). Without the extension the option falls back to the default.
 */
@ApplicationScoped
public class SearchIndex {

    static final String RUM_INDEX = "event_search_rum_idx";
    static final String CREATE_RUM = "create index if not exists " + RUM_INDEX + " on event using rum (search rum_tsvector_ops)";

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    private final DataSource dataSource;
    private final EventQueryConfig config;
    private volatile boolean rum;

    public SearchIndex(DataSource dataSource, EventQueryConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (!config.rankWithRum()) {
            rum = false;
            LOG.infof("ranked full text: %s", config.rankWithTerms() ? "the lead word's ts_rank, read from event_term"
                    + (config.rankWithPairs() ? " (a phrase's from event_pair)" : " (phrases too: rank-with-pairs=false)")
                    : "the lead word's ts_rank over every GIN match (parley.events.rank-with-terms=false)");
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean extension;
            try (ResultSet row = statement.executeQuery("select exists (select from pg_extension where extname = 'rum')")) {
                row.next();
                extension = row.getBoolean(1);
            }
            if (extension) {
                statement.execute(CREATE_RUM);
            }
            rum = extension;
        }
        LOG.infof("ranked full text: %s", rum ? "RUM index " + RUM_INDEX + " (<=>), parley.events.rank-with-rum=true"
                : "parley.events.rank-with-rum=true but the extension rum is not installed: the lead word's ts_rank");
    }

    /** Whether relevance is RUM's {@code <=>} distance (ascending) rather than ts_rank (descending). */
    public boolean rum() {
        return rum;
    }
}
