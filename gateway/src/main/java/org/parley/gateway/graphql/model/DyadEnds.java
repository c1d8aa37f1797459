package org.parley.gateway.graphql.model;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds, for one {@link Dyad}, the single load of its two actors that {@code Dyad.a} and {@code Dyad.b}
 * share: whichever of the two batched fields runs first loads both ends of every dyad of its batch, the
 * other reuses that load. Not part of the schema.
 */
public final class DyadEnds {

    private final AtomicReference<Object> load = new AtomicReference<>();

    /** The load already claimed for this dyad, or {@code candidate} when it is the first. */
    @SuppressWarnings("unchecked")
    public <T> T claim(T candidate) {
        return load.compareAndSet(null, candidate) ? candidate : (T) load.get();
    }
}
