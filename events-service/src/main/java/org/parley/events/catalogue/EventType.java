package org.parley.events.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A CAMEO event type (read-only reference data, filled by {@link CatalogueLoader}). */
@Entity
@Table(name = "event_type")
public class EventType extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "root_code")
    public String rootCode;

    @Column(name = "quad_class")
    public short quadClass;

    public double goldstein;
}
