package org.parley.gateway.graphql.model;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SourceInput")
public record SourceInput(@NonNull String url, String publisher, String title, Instant publishedAt, String excerpt,
        @Id String speakerId) {
}
