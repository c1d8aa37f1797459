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
 * Which ranking the relevance order uses, decided once at start-up (after Flyway): RUM's {@code <=>}
 * where migration V8 created {@code event_search_rum_idx} (the extension {@code rum} was there), else
 * {@code ts_rank}. Checked on the JDBC datasource that exists for Flyway, before requests are served,
 * so no request pays for the check. An index created later by hand is used after the next restart.
 */
@ApplicationScoped
public class SearchIndex {

    static final String RUM_INDEX = "event_search_rum_idx";

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    private final DataSource dataSource;
    private final EventQueryConfig config;
    private volatile boolean rum;

    public SearchIndex(DataSource dataSource, EventQueryConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        boolean present;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select to_regclass('" + RUM_INDEX + "') is not null")) {
            row.next();
            present = row.getBoolean(1);
        }
        rum = present && config.rankWithRum();
        LOG.infof("ranked full text: %s", rum ? "RUM index " + RUM_INDEX + " (<=>)"
                : present ? "ts_rank (the RUM index exists; parley.events.rank-with-rum=true uses it)"
                        : "ts_rank over the GIN index (no " + RUM_INDEX + ": the extension rum is not installed)");
    }

    /** Whether relevance is RUM's {@code <=>} distance (ascending) rather than ts_rank (descending). */
    public boolean rum() {
        return rum;
    }
}
