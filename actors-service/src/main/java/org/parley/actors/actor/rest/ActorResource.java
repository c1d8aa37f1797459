package org.parley.actors.actor.rest;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.actors.actor.Actor;
import org.parley.actors.actor.ActorKind;
import org.parley.actors.actor.repository.ActorFilter;
import org.parley.actors.actor.rest.dto.ActorInput;
import org.parley.actors.actor.rest.dto.ActorPage;
import org.parley.actors.actor.rest.dto.ActorView;
import org.parley.common.idempotency.IdempotencyKey;
import org.parley.common.idempotency.IdempotentWrites;
import org.parley.common.idempotency.IdempotentWrites.KeyedRequest;
import org.parley.common.problem.Problem;
import org.parley.actors.actor.rest.dto.EventCountsRequest;
import org.parley.actors.actor.rest.dto.EventCountsResponse;
import org.parley.actors.actor.rest.dto.ResolveRequest;
import org.parley.actors.actor.rest.dto.ResolveResponse;
import org.parley.actors.actor.service.ActorService;
import org.parley.actors.validation.IsoCountryValidator;
import org.parley.common.params.Params;
import org.parley.common.problem.ApiException;
import org.parley.common.version.Versions;

/** HTTP for actors: parameters, status codes, headers and DTO mapping; the rest is ActorService. */
@Path("/actors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "actors")
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActorResource {

    public static final int MAX_IDS = 500;
    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 20;


    private final ActorService service;
    private final IdempotentWrites writes;

    public ActorResource(ActorService service, IdempotentWrites writes) {
        this.service = service;
        this.writes = writes;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getActor", summary = "One actor by id")
    @APIResponse(responseCode = "200", description = "The actor (ETag = its version)",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "404", description = "No such actor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ActorView>> getActor(@Parameter(description = "Actor id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        UUID actorId = Params.uuid("id", id);
        return service.findActor(actorId).map(actor -> withETag(RestResponse.ResponseBuilder.ok(ActorView.of(
                orNotFound(actor, actorId))), actor).build());
    }

    @GET
    @Operation(operationId = "listActors", summary = "Actors by ids (bulk, one query) or by search",
            description = "With `ids`: those actors in the given order, unknown ids absent, at most 500; the "
                    + "other parameters must then be absent (limit is ignored). Otherwise a page of the actors "
                    + "matching text (name or alias, case- and accent-insensitive substring), kind and country: "
                    + "with text, whole-name (or alias) matches first, then those starting with it, then the "
                    + "rest, each by event count (most first), then (name, id); without text in (name, id) order.")
    @APIResponse(responseCode = "200", description = "A page of actors",
            content = @Content(schema = @Schema(implementation = ActorPage.class)))
    public Uni<ActorPage> listActors(
            @Parameter(description = "Comma-separated actor ids (≤ 500)") @QueryParam("ids") List<String> ids,
            @Parameter(description = "Substring of a name or alias") @QueryParam("text") String text,
            @Parameter(description = "PERSON, STATE, ORGANIZATION, GROUP; repeatable or comma-separated",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ActorKind.class))
            @QueryParam("kind") List<String> kind,
            @Parameter(description = "ISO 3166-1 alpha-3") @QueryParam("country") String country,
            @Parameter(description = "Page size, 1–500 (default 20)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("after") String after) {
        if (!ids.isEmpty()) {
            if (text != null || !kind.isEmpty() || country != null || after != null) {
                throw ApiException.badRequest("ids", "cannot be combined with text, kind, country or after");
            }
            List<UUID> actorIds = Params.uuids("ids", ids, MAX_IDS);
            return service.findActorsByIds(actorIds)
                    .map(found -> new ActorPage(found.stream().map(ActorView::of).toList(), null, found.size()));
        }
        int pageSize = Params.intValue("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        ActorCursor cursor = after == null || after.isBlank() ? null : ActorCursor.decode(after);
        ActorFilter filter = new ActorFilter(
                Params.text("text", text),
                Params.enums("kind", kind, ActorKind.class),
                countryFilter(country),
                cursor == null ? null : cursor.name(),
                cursor == null ? null : cursor.id());
        return service.searchActors(filter, pageSize).map(result -> {
            String next = null;
            if (result.hasMore()) {
                Actor last = result.items().get(result.items().size() - 1);
                next = new ActorCursor(last.name, last.id).encode();
            }
            return new ActorPage(result.items().stream().map(ActorView::of).toList(), next, result.totalCount());
        });
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Operation(operationId = "createActor", summary = "Create an actor")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "409", description = "wikidataId already taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createActor(@Parameter(description = IdempotencyKey.DOC) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid ActorInput body, UriInfo uriInfo) {
        KeyedRequest request = writes.request(idempotencyKey, "POST", uriInfo.getPath(), body);
        return writes.inPanacheTransaction(request, () -> service.createActor(body).map(actor -> {
            URI location = uriInfo.getBaseUriBuilder().path(ActorResource.class).path(actor.id.toString()).build();
            return writes.answer(201, location.toString(), etag(actor), ActorView.of(actor));
        }));
    }

    @RolesAllowed(Roles.EDITOR)
    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateActor", summary = "Replace an actor (optimistic locking)",
            description = "Send the version you last read as `version` in the body or as `If-Match: \"<version>\"`.")
    @APIResponse(responseCode = "200", description = "Updated (ETag = the new version)",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "404", description = "No such actor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale version: nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No version given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ActorView>> updateActor(@Parameter(description = "Actor id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "The ETag last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ActorInput body) {
        UUID actorId = Params.uuid("id", id);
        long expected = Versions.required(body.version(), ifMatch);
        return service.updateActor(actorId, body, expected).map(actor ->
                withETag(RestResponse.ResponseBuilder.ok(ActorView.of(orNotFound(actor, actorId))), actor).build());
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteActor", summary = "Delete an actor and its relationships")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such actor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> deleteActor(@Parameter(description = "Actor id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        UUID actorId = Params.uuid("id", id);
        return service.deleteActor(actorId).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("There is no actor " + actorId + ".");
            }
            return RestResponse.noContent();
        });
    }

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("/resolve")
    @Operation(operationId = "resolveActors", summary = "Resolve (CAMEO code, name) pairs to actor ids, creating missing ones",
            description = "Key = (cameoCode, name folded to lower case without accents and with single spaces). "
                    + "Idempotent, also under concurrent calls. At most 1000 items.")
    @APIResponse(responseCode = "200", description = "One entry per item, in request order",
            content = @Content(schema = @Schema(implementation = ResolveResponse.class)))
    public Uni<ResolveResponse> resolveActors(@NotNull(message = "a JSON body is required") @Valid ResolveRequest body) {
        return service.resolveActors(body.items()).map(ResolveResponse::new);
    }

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("/event-counts")
    @Operation(operationId = "setEventCounts", summary = "Set how many events actors take part in (ranks text search)",
            description = "Absolute counts, as events-service counts an actor's events; the importer sends them after "
                    + "each chunk. Repeating a call changes nothing; unknown ids are skipped. At most 1000 items.")
    @APIResponse(responseCode = "200", description = "How many actors' counts changed",
            content = @Content(schema = @Schema(implementation = EventCountsResponse.class)))
    public Uni<EventCountsResponse> setEventCounts(@NotNull(message = "a JSON body is required") @Valid EventCountsRequest body) {
        Map<UUID, Long> counts = new LinkedHashMap<>();
        body.items().forEach(item -> counts.put(item.id(), item.count()));
        return service.setEventCounts(counts).map(EventCountsResponse::new);
    }

    static Actor orNotFound(Actor actor, UUID id) {
        if (actor == null) {
            throw ApiException.notFound("There is no actor " + id + ".");
        }
        return actor;
    }

    private static <T> RestResponse.ResponseBuilder<T> withETag(RestResponse.ResponseBuilder<T> builder, Actor actor) {
        return builder.header("ETag", etag(actor));
    }

    private static String etag(Actor actor) {
        return "\"" + actor.version + "\"";
    }

    private static String countryFilter(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!IsoCountryValidator.isIsoCountry(code)) {
            throw ApiException.badRequest("country", "must be an ISO 3166-1 alpha-3 country code, e.g. RUS or UKR");
        }
        return code;
    }
}
