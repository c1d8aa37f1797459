package org.parley.gateway.graphql.model;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** A url or a title identifies a source (events-service checks it); a printed report has no url. */
@Input("SourceInput")
public record SourceInput(String url, String publisher, String title, Instant publishedAt, String excerpt,
        @Id String speakerId) {
}
