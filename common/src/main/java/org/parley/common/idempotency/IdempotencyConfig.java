package org.parley.common.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long keys are kept, and how often the expired ones are deleted. */
@ConfigMapping(prefix = "parley.idempotency")
public interface IdempotencyConfig {

    /** A retry with the same key replays the first answer for at least this long. */
    @WithDefault("PT24H")
    Duration retention();

    /** Expired keys are deleted this often (and never replayed, even before they are deleted). */
    @WithDefault("PT1H")
    Duration purgeInterval();
}
