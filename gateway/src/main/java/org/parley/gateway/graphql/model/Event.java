package org.parley.gateway.graphql.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** type, location, subjects and participants' actors are added by the batched resolvers. */
public record Event(@Id @NonNull String id, @NonNull String title, String summary, @NonNull String code,
        EventStatus status, LocalDate start, LocalDate end, Precision precision,
        @NonNull List<@NonNull Participant> participants, @NonNull List<@NonNull Source> sources,
        @NonNull List<@NonNull RelatedEvent> related, @NonNull List<@NonNull String> externalIds, int version,
        @Id String locationId, @Ignore List<String> subjectIds, @Ignore Double goldstein,
        @Ignore Integer quadClass, @Ignore String rootCode) {
}
