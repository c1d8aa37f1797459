package org.parley.actors.actor.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActorPage")
public record ActorPage(
        List<ActorView> items,
        @Schema(description = "Pass as `after` for the next page; null on the last page", nullable = true)
        String nextCursor,
        long totalCount) {
}
