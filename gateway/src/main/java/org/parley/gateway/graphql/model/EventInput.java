package org.parley.gateway.graphql.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Mirrors events-service's EventInput (the version travels as its own argument on update). */
@Input("EventInput")
public record EventInput(@NonNull String title, String summary, @NonNull String code, @NonNull EventStatus status,
        @NonNull LocalDate start, LocalDate end, Precision precision, @Id String locationId,
        @Id List<String> subjectIds, List<ParticipantInput> participants, List<SourceInput> sources,
        List<String> externalIds) {
}
