package org.parley.actors.actor.service;

import java.util.List;
import org.parley.actors.actor.Actor;

/** One page of a search: the actors, whether more follow, and how many match in all. */
public record ActorSearchResult(List<Actor> items, boolean hasMore, long totalCount) {
}
