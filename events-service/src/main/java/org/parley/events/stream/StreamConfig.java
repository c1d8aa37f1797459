package org.parley.events.stream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parley.stream")
public interface StreamConfig {

    /** Live changes buffered per SSE client; a client that falls further behind is disconnected (it may resume). */
    @WithDefault("256")
    int clientBuffer();

    /** Pause before the LISTEN connection is re-established after a loss. */
    @WithDefault("1000")
    long reconnectDelayMillis();

    /** How often an idle stream sends a comment line, so that a client can tell a stalled connection from a quiet one. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** How long logged changes stay replayable; a client resuming from before that gets {@code reset}. */
    @WithDefault("P7D")
    Duration retention();

    /** How often changes older than the retention are deleted. */
    @WithDefault("PT1H")
    Duration purgeInterval();

    /** Logged changes read per statement when catching up. */
    @WithDefault("500")
    int replayBatch();
}
