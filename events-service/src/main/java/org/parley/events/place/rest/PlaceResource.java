package org.parley.events.place.rest;

import jakarta.annotation.security.RolesAllowed;
import org.parley.security.Roles;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.parley.common.idempotency.IdempotencyKey;
import org.parley.common.idempotency.IdempotentWrites.KeyedRequest;
import org.parley.events.db.KeyedWrites;
import org.parley.events.event.rest.EventResource;
import org.parley.events.place.Place;
import org.parley.events.place.repository.PlaceRepository;
import org.parley.events.place.rest.dto.PlaceDto;
import org.parley.events.place.rest.dto.PlaceInput;
import org.parley.events.place.PlaceResolve;
import org.parley.events.place.service.PlaceService;
import org.parley.common.problem.ApiException;
import org.parley.common.params.Params;
import org.parley.common.problem.Problem;
import org.parley.common.version.Versions;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/places")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Bad request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlaceResource {

    private final PlaceService service;
    private final PlaceRepository places;
    private final KeyedWrites keyed;

    public PlaceResource(PlaceService service, PlaceRepository places, KeyedWrites keyed) {
        this.service = service;
        this.places = places;
        this.keyed = keyed;
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(operationId = "getPlace", summary = "One place")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PlaceDto.class)))
    @APIResponse(responseCode = "404", description = "No such place")
    public Uni<PlaceDto> getPlace(@PathParam("id") String id) {
        UUID placeId = Params.uuid("id", id);
        return places.findById(placeId).map(p -> {
            if (p == null) {
                throw ApiException.notFound("no place " + placeId);
            }
            return PlaceDto.of(p);
        });
    }

    @GET
    @WithSession
    @Operation(operationId = "listPlaces", summary = "Places by ids (order kept, at most 500) or by name/kind/country/parent")
    public Uni<List<PlaceDto>> listPlaces(@QueryParam("ids") List<String> ids, @QueryParam("text") String text,
            @QueryParam("kind") List<String> kind, @QueryParam("countryCode") String countryCode,
            @QueryParam("parentId") String parentId, @QueryParam("limit") String limit) {
        List<UUID> wanted = Params.uuids("ids", ids);
        if (!wanted.isEmpty()) {
            if (wanted.size() > 500) {
                throw ApiException.badRequest("ids", "at most 500 ids per request");
            }
            return places.findPlacesByIds(wanted).map(PlaceResource::dtos);
        }
        return places.searchPlaces(Params.text("text", text), Params.enums("kind", kind, Place.Kind.class),
                Params.text("countryCode", countryCode),
                Params.optionalUuid("parentId", parentId), Params.intValue("limit", limit, 100, 1, 500))
                .map(PlaceResource::dtos);
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Operation(operationId = "createPlace", summary = "Create a place")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PlaceDto.class)))
    public Uni<Response> createPlace(
            @Parameter(description = IdempotencyKey.DOC) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull PlaceInput input, @Context UriInfo uri) {
        KeyedRequest request = keyed.request(idempotencyKey, "POST", uri.getPath(), input);
        return keyed.inPanacheTransaction(request, () -> service.createPlace(input)
                .map(p -> keyed.answer(201, "/places/" + p.id, PlaceDto.of(p))));
    }

    @RolesAllowed(Roles.EDITOR)
    @PUT
    @Path("/{id}")
    @Operation(operationId = "updatePlace", summary = "Replace a place (version in the body or If-Match)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PlaceDto.class)))
    @APIResponse(responseCode = "409", description = "Stale version")
    @APIResponse(responseCode = "428", description = "No version given")
    public Uni<PlaceDto> updatePlace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PlaceInput input) {
        UUID placeId = Params.uuid("id", id);
        long version = Versions.required(input.version(), ifMatch);
        return service.updatePlace(placeId, input, version)
                .map(p -> {
                    if (p == null) {
                        throw ApiException.notFound("no place " + placeId);
                    }
                    return PlaceDto.of(p);
                });
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePlace", summary = "Delete a place that no event or child place uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Still in use")
    public Uni<Void> deletePlace(@PathParam("id") String id) {
        UUID placeId = Params.uuid("id", id);
        return service.deletePlace(placeId).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("no place " + placeId);
            }
            return null;
        });
    }

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("/resolve")
    @Operation(operationId = "resolvePlaces", summary = "External keys → place ids, creating missing places; idempotent")
    public Uni<PlaceResolve.Result> resolvePlaces(@Valid @NotNull PlaceResolve.Request request) {
        return places.resolvePlaces(request.items()).map(PlaceResolve.Result::new);
    }

    private static List<PlaceDto> dtos(List<Place> list) {
        return list.stream().map(PlaceDto::of).toList();
    }
}
