package org.parley.gateway.graphql.model;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A relationship as seen from one actor; {@code other} (batched) is the actor at the other end. */
public record Relationship(@Id @NonNull String id, @NonNull RelationshipType type, String title, LocalDate since,
        LocalDate until,
        @Description("OUTGOING when the actor this was reached from is the subject (\"X holds office in Y\")")
        @NonNull Direction direction,
        @Id @NonNull String otherId) {
}
