package org.parley.common.schema;

import io.smallrye.config.ConfigMapping;

/** The schema a build needs; see {@link SchemaCheck}. */
@ConfigMapping(prefix = "parley.schema")
public interface SchemaConfig {

    /**
     * The newest Flyway migration this build needs: the highest {@code V<n>} in the service's
     * {@code db/migration} (a test in each service holds the two together).
     */
    int requiredVersion();
}
