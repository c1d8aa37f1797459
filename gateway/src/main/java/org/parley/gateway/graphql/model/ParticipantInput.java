package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ParticipantInput")
public record ParticipantInput(@Id @NonNull String actorId, @NonNull ParticipantRole role) {
}
