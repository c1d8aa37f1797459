package org.parley.actors.actor.repository;

import java.util.List;
import java.util.UUID;
import org.parley.actors.actor.ActorKind;

/**
 * A search over actors. Every part is optional; {@code afterName}/{@code afterId} is the keyset
 * position (the last row of the previous page, in (name, id) order).
 */
public record ActorFilter(String text, List<ActorKind> kinds, String country, String afterName, UUID afterId) {
}
