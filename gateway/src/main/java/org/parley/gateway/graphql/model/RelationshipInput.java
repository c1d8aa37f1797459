package org.parley.gateway.graphql.model;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RelationshipInput")
public record RelationshipInput(@NonNull RelationshipType type, String title, @Id @NonNull String toId,
        LocalDate since, LocalDate until) {
}
