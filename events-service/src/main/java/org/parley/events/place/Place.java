package org.parley.events.place;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A place or territory; parent links form the hierarchy (Donetsk ⊂ Donbas ⊂ Ukraine). */
@Entity
@Table(name = "place")
public class Place extends PanacheEntityBase {

    public enum Kind { COUNTRY, REGION, CITY, TERRITORY }

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "country_code")
    public String countryCode;

    @Column(name = "parent_id")
    public UUID parentId;

    public Double latitude;

    public Double longitude;

    /** Control/status note ("annexed by Russia in 2014, not internationally recognised"), dated below. */
    public String status;

    @Column(name = "status_since")
    public LocalDate statusSince;

    @Column(name = "external_key")
    public String externalKey;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
