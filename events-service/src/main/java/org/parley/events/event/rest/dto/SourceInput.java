package org.parley.events.event.rest.dto;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record SourceInput(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(max = 300) String publisher,
        @Size(max = 1000) String title,
        Instant publishedAt,
        @Size(max = 20000) String excerpt,
        UUID speakerId) {
}
