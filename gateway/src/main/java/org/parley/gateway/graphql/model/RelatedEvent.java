package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

public record RelatedEvent(@NonNull RelatedKind kind, @Id @NonNull String eventId) {
}
