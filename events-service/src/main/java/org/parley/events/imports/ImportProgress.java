package org.parley.events.imports;

import java.time.OffsetDateTime;

/** The last file of a followed feed imported completely; {@code version} counts the moves (from 1). */
public record ImportProgress(String feed, String lastFile, long version, OffsetDateTime updatedAt) {
}
