package org.parley.events.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event aggregate as read: one row of {@code event} with its participants, subjects, sources,
 * related links and external ids. It is an immutable record assembled by one SQL statement (the
 * repository aggregates the child tables with json_agg), not a JPA entity: every read path —
 * pages, bulk by ids, by-participants — must stay one statement whatever the page size.
 */
public record Event(
        UUID id,
        String title,
        String summary,
        String code,
        double goldstein,
        int quadClass,
        String rootCode,
        EventStatus status,
        LocalDate start,
        LocalDate end,
        Precision precision,
        UUID locationId,
        List<UUID> subjectIds,
        List<Participant> participants,
        List<Source> sources,
        List<RelatedLink> related,
        List<String> externalIds,
        Map<String, Double> metrics,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public record Participant(UUID actorId, Role role) {
    }

    public record Source(UUID id, String url, String publisher, String title, Instant publishedAt,
            String excerpt, UUID speakerId) {
    }

    public record RelatedLink(RelationKind kind, UUID eventId) {
    }
}
