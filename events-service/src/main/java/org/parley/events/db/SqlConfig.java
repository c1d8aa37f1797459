package org.parley.events.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parley.sql")
public interface SqlConfig {

    /** Report each request's SQL statement count in a response header (on in tests). */
    @WithDefault("false")
    boolean reportStatements();
}
