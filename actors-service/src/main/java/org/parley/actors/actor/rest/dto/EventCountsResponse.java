package org.parley.actors.actor.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EventCountsResponse")
public record EventCountsResponse(@Schema(description = "Actors whose count changed") int updated) {
}
