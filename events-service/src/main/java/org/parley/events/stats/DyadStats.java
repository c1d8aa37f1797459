package org.parley.events.stats;

import java.util.List;
import java.util.UUID;

public record DyadStats(UUID a, UUID b, String interval, List<Period> series) {
}
