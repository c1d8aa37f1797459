package org.parley.actors.relationship.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.common.problem.Problem;
import org.parley.actors.relationship.rest.dto.RelationshipView;
import org.parley.actors.relationship.service.RelationshipService;
import org.parley.common.params.Params;
import org.parley.actors.actor.rest.ActorResource;

/** The relationships of many actors at once: the gateway resolves Actor.relationships in batches. */
@Path("/relationships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "relationships")
public class RelationshipBatchResource {

    private final RelationshipService service;

    public RelationshipBatchResource(RelationshipService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listRelationshipsOfActors", summary = "Relationships touching any of the actors (bulk)")
    @APIResponse(responseCode = "200", description = "Each relationship once",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RelationshipView.class)))
    @APIResponse(responseCode = "400", description = "Malformed ids or more than 500",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<RelationshipView>> listRelationshipsOfActors(
            @Parameter(description = "Comma-separated actor ids (≤ 500)") @QueryParam("actors") List<String> actors) {
        List<UUID> actorIds = Params.uuids("actors", actors, ActorResource.MAX_IDS);
        return service.findRelationshipsOfActors(actorIds)
                .map(found -> found.stream().map(RelationshipView::of).toList());
    }
}
