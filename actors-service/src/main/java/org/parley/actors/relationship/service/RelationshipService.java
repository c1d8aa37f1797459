package org.parley.actors.relationship.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.parley.actors.actor.repository.ActorRepository;
import org.parley.actors.relationship.Relationship;
import org.parley.actors.relationship.repository.RelationshipRepository;
import org.parley.actors.relationship.rest.dto.RelationshipInput;
import org.parley.common.problem.ApiException;

/** The relationship use cases. Reads run in a session, writes in a transaction; "absent" is null. */
@ApplicationScoped
public class RelationshipService {

    private final ActorRepository actors;
    private final RelationshipRepository relationships;

    public RelationshipService(ActorRepository actors, RelationshipRepository relationships) {
        this.actors = actors;
        this.relationships = relationships;
    }

    /** @return both directions, or null if the actor does not exist */
    @WithSession
    public Uni<List<Relationship>> findRelationshipsOfActor(UUID actorId) {
        return actors.count("id", actorId).chain(count -> count == 0
                ? Uni.createFrom().nullItem()
                : relationships.findRelationshipsOfActor(actorId));
    }

    @WithSession
    public Uni<List<Relationship>> findRelationshipsOfActors(List<UUID> actorIds) {
        return relationships.findRelationshipsOfActors(actorIds);
    }

    /** @return the new relationship, or null if the actor {@code fromId} does not exist */
    @WithTransaction
    public Uni<Relationship> addRelationship(UUID fromId, RelationshipInput input) {
        if (input.since() != null && input.until() != null && input.until().isBefore(input.since())) {
            return Uni.createFrom().failure(ApiException.badRequest("until", "must not be before since"));
        }
        if (fromId.equals(input.toId())) {
            return Uni.createFrom().failure(ApiException.badRequest("toId", "must be another actor"));
        }
        return actors.count("id", fromId).chain(fromCount -> {
            if (fromCount == 0) {
                return Uni.createFrom().nullItem();
            }
            return actors.count("id", input.toId()).chain(toCount -> {
                if (toCount == 0) {
                    return Uni.createFrom().failure(
                            ApiException.badRequest("toId", "is not a known actor: " + input.toId()));
                }
                Relationship relationship = new Relationship();
                relationship.id = UUID.randomUUID();
                relationship.type = input.type();
                relationship.title = blankToNull(input.title());
                relationship.fromId = fromId;
                relationship.toId = input.toId();
                relationship.since = input.since();
                relationship.until = input.until();
                relationship.createdAt = now();
                return relationships.persistAndFlush(relationship);
            });
        });
    }

    /** @return whether a relationship of this actor (either end) was removed */
    @WithTransaction
    public Uni<Boolean> removeRelationship(UUID actorId, UUID relationshipId) {
        return relationships.delete("id = ?1 and (fromId = ?2 or toId = ?2)", relationshipId, actorId)
                .map(count -> count > 0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** PostgreSQL keeps microseconds; truncating here makes the answer equal a later read. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
