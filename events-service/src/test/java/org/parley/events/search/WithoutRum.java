package org.parley.events.search;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * events-service as on a PostgreSQL without the extension rum: ts_rank over the GIN index, whatever the
 * test database has (the default, stated here so the test does not depend on it). And a count limit
 * small enough for a test to pass it.
 */
public class WithoutRum implements QuarkusTestProfile {

    static final int COUNT_LIMIT = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.events.rank-with-rum", "false", "parley.events.count-limit", Integer.toString(COUNT_LIMIT));
    }
}
