package org.parley.gateway.observability;

import java.time.Duration;

/** Bucket bounds of the gateway's latency histograms: enough to read a p95 against a budget, few series. */
public final class LatencyBuckets {

    private LatencyBuckets() {
    }

    public static Duration[] bounds() {
        return new Duration[] { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };
    }
}
