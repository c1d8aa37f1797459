package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

public record Participant(@NonNull ParticipantRole role, @Id @NonNull String actorId) {
}
