package org.parley.gateway.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** actors-service JSON shapes (see actors-service/README.md). Unknown fields are ignored. */
public final class ActorsModel {

    private ActorsModel() {
    }

    public record Actor(String id, String kind, String name, List<String> aliases, String country,
            String cameoCode, String wikidataId, String description, long version, Instant createdAt,
            Instant updatedAt) {
    }

    public record ActorPage(List<Actor> items, String nextCursor, long totalCount) {
    }

    public record Relationship(String id, String type, String title, String fromId, String toId,
            LocalDate since, LocalDate until) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActorInput(String kind, String name, List<String> aliases, String country, String cameoCode,
            String wikidataId, String description, Long version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelationshipInput(String type, String title, String toId, LocalDate since, LocalDate until) {
    }

    /** Criteria of GET /actors (text search); null fields are left out of the query. */
    public record ActorSearch(String text, List<String> kinds, String country) {
    }
}
