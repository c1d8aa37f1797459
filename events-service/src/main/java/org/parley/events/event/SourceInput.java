package org.parley.events.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A source: a web page, or a text without an address (a printed report, a wire story quoted
 * elsewhere) — so {@code url} is optional, but a source must be identifiable by url or title.
 */
public record SourceInput(
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(max = 300) String publisher,
        @Size(max = 1000) String title,
        Instant publishedAt,
        @Size(max = 20000) String excerpt,
        UUID speakerId) {

    /** Reported on the field path {@code identified}: neither url nor title was given. */
    @AssertTrue(message = "a source needs a url or a title")
    public boolean isIdentified() {
        return url != null && !url.isBlank() || title != null && !title.isBlank();
    }
}
