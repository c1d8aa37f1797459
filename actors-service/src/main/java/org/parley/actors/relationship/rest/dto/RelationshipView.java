package org.parley.actors.relationship.rest.dto;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.actors.relationship.Relationship;
import org.parley.actors.relationship.RelationshipType;

@Schema(name = "Relationship")
public record RelationshipView(
        UUID id, RelationshipType type, String title, UUID fromId, UUID toId, LocalDate since, LocalDate until) {

    public static RelationshipView of(Relationship r) {
        return new RelationshipView(r.id, r.type, r.title, r.fromId, r.toId, r.since, r.until);
    }
}
