package org.parley.actors.relationship;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A typed, titled, dated tie from one actor to another ("Putin HOLDS_OFFICE_IN Russia as
 * President"). The ends are plain ids, not associations: nothing here ever navigates them, and
 * plain columns keep reactive loading free of lazy-fetch surprises.
 */
@Entity
@Table(name = "relationship")
public class Relationship extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RelationshipType type;

    public String title;

    @Column(name = "from_id", nullable = false, updatable = false)
    public UUID fromId;

    @Column(name = "to_id", nullable = false, updatable = false)
    public UUID toId;

    public LocalDate since;

    public LocalDate until;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
