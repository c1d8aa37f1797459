package org.parley.gateway.graphql.model;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;

public record Source(@Id String id, String url, String publisher, String title, Instant publishedAt,
        String excerpt, @Id String speakerId) {
}
