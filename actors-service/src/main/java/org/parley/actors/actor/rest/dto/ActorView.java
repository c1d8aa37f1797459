package org.parley.actors.actor.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.actors.actor.Actor;
import org.parley.actors.actor.ActorKind;

@Schema(name = "Actor")
public record ActorView(
        UUID id,
        ActorKind kind,
        String name,
        List<String> aliases,
        String country,
        String cameoCode,
        String wikidataId,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static ActorView of(Actor actor) {
        return new ActorView(actor.id, actor.kind, actor.name, List.copyOf(actor.aliases), actor.country,
                actor.cameoCode, actor.wikidataId, actor.description, actor.version, actor.createdAt,
                actor.updatedAt);
    }
}
