package org.parley.events.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parley.stream")
public interface StreamConfig {

    /** Changes buffered per SSE client; a client that falls further behind is disconnected. */
    @WithDefault("256")
    int clientBuffer();

    /** Pause before the LISTEN connection is re-established after a loss. */
    @WithDefault("1000")
    long reconnectDelayMillis();
}
