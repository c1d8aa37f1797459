package org.parley.actors.relationship.rest;

import jakarta.annotation.security.RolesAllowed;
import org.parley.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.common.problem.Problem;
import org.parley.actors.relationship.rest.dto.RelationshipInput;
import org.parley.actors.relationship.rest.dto.RelationshipView;
import org.parley.actors.relationship.service.RelationshipService;
import org.parley.common.params.Params;
import org.parley.common.problem.ApiException;
import org.parley.common.idempotency.IdempotencyKey;
import org.parley.common.idempotency.IdempotentWrites;
import org.parley.common.idempotency.IdempotentWrites.KeyedRequest;

/** HTTP for one actor's relationships (the bulk read is {@link RelationshipBatchResource}). */
@Path("/actors/{id}/relationships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "relationships")
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RelationshipResource {

    private final RelationshipService service;
    private final IdempotentWrites writes;

    public RelationshipResource(RelationshipService service, IdempotentWrites writes) {
        this.service = service;
        this.writes = writes;
    }

    @GET
    @Operation(operationId = "listRelationships", summary = "An actor's relationships, both directions")
    @APIResponse(responseCode = "200", description = "Relationships from and to the actor",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RelationshipView.class)))
    @APIResponse(responseCode = "404", description = "No such actor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<RelationshipView>> listRelationships(@Parameter(description = "Actor id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        UUID actorId = Params.uuid("id", id);
        return service.findRelationshipsOfActor(actorId).map(found -> {
            if (found == null) {
                throw ApiException.notFound("There is no actor " + actorId + ".");
            }
            return found.stream().map(RelationshipView::of).toList();
        });
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Operation(operationId = "addRelationship", summary = "Add a relationship from this actor to another")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RelationshipView.class)))
    @APIResponse(responseCode = "404", description = "No such actor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> addRelationship(@Parameter(description = "Actor id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = IdempotencyKey.DOC) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid RelationshipInput body, UriInfo uriInfo) {
        UUID actorId = Params.uuid("id", id);
        KeyedRequest request = writes.request(idempotencyKey, "POST", uriInfo.getPath(), body);
        return writes.inPanacheTransaction(request, () -> service.addRelationship(actorId, body).map(created -> {
            if (created == null) {
                throw ApiException.notFound("There is no actor " + actorId + ".");
            }
            return writes.answer(201, null, null, RelationshipView.of(created));
        }));
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path("/{relationshipId}")
    @Operation(operationId = "removeRelationship", summary = "Remove one of the actor's relationships")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such relationship of this actor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> removeRelationship(@Parameter(description = "Actor id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("relationshipId") String relationshipId) {
        UUID actorId = Params.uuid("id", id);
        UUID relId = Params.uuid("relationshipId", relationshipId);
        return service.removeRelationship(actorId, relId).map(removed -> {
            if (!removed) {
                throw ApiException.notFound("Actor " + actorId + " has no relationship " + relId + ".");
            }
            return RestResponse.noContent();
        });
    }
}
