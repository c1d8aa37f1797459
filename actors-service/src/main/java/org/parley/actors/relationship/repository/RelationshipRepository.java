package org.parley.actors.relationship.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.parley.actors.relationship.Relationship;

@ApplicationScoped
@WithSession
public class RelationshipRepository implements PanacheRepositoryBase<Relationship, UUID> {

    /** Both directions: where the actor is the subject and where it is the object. */
    public Uni<List<Relationship>> findRelationshipsOfActor(UUID actorId) {
        return list("fromId = ?1 or toId = ?1 order by createdAt, id", actorId);
    }

    public Uni<List<Relationship>> findRelationshipsOfActors(Collection<UUID> actorIds) {
        if (actorIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("fromId in ?1 or toId in ?1 order by createdAt, id", actorIds);
    }
}
