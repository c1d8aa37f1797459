package org.parley.events.stats;

import java.util.List;
import java.util.UUID;

public final class Counterparts {

    private Counterparts() {
    }

    /** How many events {@code actorId} shares with the actor asked about. */
    public record Counterpart(UUID actorId, long count) {
    }

    public record OfActor(UUID actorId, List<Counterpart> counterparts) {
    }
}
