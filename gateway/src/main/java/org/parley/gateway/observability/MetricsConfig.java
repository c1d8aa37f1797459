package org.parley.gateway.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on the gateway's own metrics (README, Observability). */
@ConfigMapping(prefix = "parley.metrics")
public interface MetricsConfig {

    /**
     * Operation names are chosen by clients, so each one becomes a label value only until this many
     * distinct names have been seen; later names are counted as {@code other}. Keeps a client that
     * names every request differently from growing the scrape without bound.
     */
    @WithDefault("100")
    int maxOperationNames();
}
