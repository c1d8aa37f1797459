package org.parley.events.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * parley.events.rank-with-rum=true: relevance by the RUM index wherever the server offers the extension
 * (bin/db-ensure creates it in the test databases), by ts_rank where it does not.
 */
@QuarkusTest
@TestProfile(RankedSearchTest.WithRum.class)
class RankedSearchTest extends RankedSearchContract {

    public static class WithRum implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.events.rank-with-rum", "true");
        }
    }

    @Inject
    DataSource dataSource;

    @Override
    boolean expectRum() {
        try (Connection c = dataSource.getConnection();
                ResultSet r = c.createStatement().executeQuery("select exists (select from pg_extension where extname = 'rum')")) {
            r.next();
            return r.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
