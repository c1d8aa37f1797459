package org.parley.events.imports.rest.dto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /imports/{feed}}: move the feed on to {@code lastFile}, if it is still at {@code version}
 * (absent: the feed has no progress yet).
 */
public record ImportProgressUpdate(@NotBlank @Size(max = 500) String lastFile, @Min(1) Long version) {
}
