package org.parley.events.event.rest;

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
import jakarta.ws.rs.PATCH;
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
import org.parley.events.event.Event;
import org.parley.events.event.EventFilter;
import org.parley.events.event.EventStatus;
import org.parley.events.event.RelationKind;
import org.parley.events.event.repository.EventRepository;
import org.parley.events.event.repository.EventRepository.Sort;
import org.parley.events.event.rest.dto.EventBatch;
import org.parley.events.event.rest.dto.EventInput;
import org.parley.events.event.rest.dto.EventPage;
import org.parley.events.event.rest.dto.LinkInput;
import org.parley.events.event.ParticipantEvents;
import org.parley.events.event.SourceInput;
import org.parley.events.event.service.EventService;
import org.parley.common.problem.ApiException;
import org.parley.common.params.Params;
import org.parley.common.problem.Problem;
import org.parley.common.version.Versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Bad request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EventResource {

    private static final int MAX_IDS = 500;
    /** A page of up to 500 plus one: a caller learns whether there is more without counting. */
    private static final int MAX_BY_PARTICIPANTS = 501;


    private final EventService service;
    private final EventRepository events;
    private final KeyedWrites keyed;

    public EventResource(EventService service, EventRepository events, KeyedWrites keyed) {
        this.service = service;
        this.events = events;
        this.keyed = keyed;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEvent", summary = "One event with participants, subjects, sources and links")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Event.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<Event> getEvent(@PathParam("id") String id) {
        UUID eventId = Params.uuid("id", id);
        return events.findEventById(eventId).map(e -> found(e, eventId));
    }

    @GET
    @Operation(operationId = "listEvents", summary = "Events by ids (order kept, at most 500), or filtered and paged")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventPage.class)))
    public Uni<EventPage> listEvents(@QueryParam("ids") List<String> ids,
            @QueryParam("actor") List<String> actor, @QueryParam("dyad") String dyad,
            @QueryParam("code") List<String> code, @QueryParam("root") List<String> root,
            @QueryParam("quad") List<String> quad, @QueryParam("status") List<String> status,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("place") List<String> place, @QueryParam("text") String text,
            @QueryParam("sort") String sort, @QueryParam("limit") String limit, @QueryParam("after") String after,
            @QueryParam("count") String count) {
        List<UUID> wanted = Params.uuids("ids", ids);
        if (!wanted.isEmpty()) {
            if (wanted.size() > MAX_IDS) {
                throw ApiException.badRequest("ids", "at most " + MAX_IDS + " ids per request");
            }
            return events.findEventsByIds(wanted).map(list -> new EventPage(list, null, (long) list.size(), true));
        }
        EventFilter filter = filter(actor, dyad, code, root, quad, status, from, to, place, text);
        Sort order = sort(sort, filter);
        int size = Params.intValue("limit", limit, 20, 1, 500);
        EventRepository.Position position = Cursor.decode(order, after);
        Uni<EventRepository.Slice> page = events.searchEvents(filter, order, position, size);
        if (!Params.bool("count", count, true)) {
            return page.map(p -> new EventPage(p.items(), Cursor.encode(order, p.next()), null, null));
        }
        return Uni.combine().all().unis(page, events.countEvents(filter)).asTuple()
                .map(t -> new EventPage(t.getItem1().items(), Cursor.encode(order, t.getItem1().next()),
                        t.getItem2().value(), t.getItem2().exact()));
    }

    @GET
    @Path("/by-participants")
    @Operation(operationId = "listEventsByParticipants",
            summary = "Each actor's most recent events (gateway batching), in one SQL statement")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ParticipantEvents[].class)))
    public Uni<List<ParticipantEvents>> listEventsByParticipants(@QueryParam("actors") List<String> actors,
            @QueryParam("limit") String limit,
            @QueryParam("actor") List<String> actor, @QueryParam("dyad") String dyad,
            @QueryParam("code") List<String> code, @QueryParam("root") List<String> root,
            @QueryParam("quad") List<String> quad, @QueryParam("status") List<String> status,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("place") List<String> place, @QueryParam("text") String text,
            @QueryParam("sort") String sort, @QueryParam("count") String count) {
        List<UUID> ids = Params.uuids("actors", actors);
        if (ids.isEmpty()) {
            throw ApiException.badRequest("actors", "give at least one actor id");
        }
        if (ids.size() > MAX_IDS) {
            throw ApiException.badRequest("actors", "at most " + MAX_IDS + " actors per request");
        }
        EventFilter filter = filter(actor, dyad, code, root, quad, status, from, to, place, text);
        return events.findEventsByParticipants(ids, filter, sort(sort, filter),
                Params.intValue("limit", limit, 5, 1, MAX_BY_PARTICIPANTS), Params.bool("count", count, true));
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Operation(operationId = "recordEvent", summary = "Record an event; the CAMEO code must be in the catalogue")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Event.class)))
    @APIResponse(responseCode = "409", description = "An external id already belongs to another event")
    public Uni<Response> recordEvent(@Parameter(description = IdempotencyKey.DOC) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull EventInput input, @Context UriInfo uri) {
        KeyedRequest request = keyed.request(idempotencyKey, "POST", uri.getPath(), input);
        return keyed.inTransaction(request, c -> service.recordEvent(c, input)
                .map(e -> keyed.answer(201, "/events/" + e.id(), e)));
    }

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("/batch")
    @Operation(operationId = "recordEvents",
            summary = "Record many events in one transaction; items whose external ids exist are skipped,"
                    + " with mergeStories reports of one story become one event")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventBatch.Result.class)))
    public Uni<Response> recordEvents(@Parameter(description = IdempotencyKey.DOC) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull EventBatch.Request body, @Context UriInfo uri) {
        KeyedRequest request = keyed.request(idempotencyKey, "POST", uri.getPath(), body);
        return keyed.inTransaction(request, c -> service.recordEvents(c, body.items(), body.mergingStories())
                .map(result -> keyed.answer(200, null, result)));
    }

    @RolesAllowed(Roles.EDITOR)
    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceEvent", summary = "Replace an event (version in the body or If-Match)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Event.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "Stale version; nothing changed")
    @APIResponse(responseCode = "428", description = "No version given")
    public Uni<Event> replaceEvent(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EventInput input) {
        UUID eventId = Params.uuid("id", id);
        long version = Versions.required(input.version(), ifMatch);
        return service.replaceEvent(eventId, input, version).map(e -> found(e, eventId));
    }

    @RolesAllowed(Roles.EDITOR)
    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchEvent", summary = "JSON merge patch (RFC 7396) with the version read")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Event.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "Stale version; nothing changed")
    @APIResponse(responseCode = "428", description = "No version given")
    public Uni<Event> patchEvent(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull JsonNode patch) {
        UUID eventId = Params.uuid("id", id);
        if (!(patch instanceof ObjectNode object)) {
            throw ApiException.badRequest("body", "a merge patch must be a JSON object");
        }
        JsonNode bodyVersion = object.get("version");
        Long version = Versions.expected(bodyVersion != null && bodyVersion.canConvertToLong() ? bodyVersion.asLong() : null,
                ifMatch);
        return service.patchEvent(eventId, object, version).map(e -> found(e, eventId));
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteEvent", summary = "Delete an event with its participants, sources and links")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<Void> deleteEvent(@PathParam("id") String id) {
        UUID eventId = Params.uuid("id", id);
        return service.deleteEvent(eventId).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("no event " + eventId);
            }
            return null;
        });
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Path("/{id}/sources")
    @Operation(operationId = "addSource", summary = "Append a source (url, publisher, quote, speaker)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Event.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<Response> addSource(@PathParam("id") String id,
            @Parameter(description = IdempotencyKey.DOC) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull SourceInput source, @Context UriInfo uri) {
        UUID eventId = Params.uuid("id", id);
        KeyedRequest request = keyed.request(idempotencyKey, "POST", uri.getPath(), source);
        return keyed.inTransaction(request, c -> service.addSource(c, eventId, source)
                .map(e -> keyed.answer(201, "/events/" + eventId, found(e, eventId))));
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Path("/{id}/related")
    @Operation(operationId = "linkEvents", summary = "Relate this event to another (FOLLOWS, RESPONDS_TO, PART_OF)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Event.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<Response> linkEvents(@PathParam("id") String id,
            @Parameter(description = IdempotencyKey.DOC) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull LinkInput link, @Context UriInfo uri) {
        UUID eventId = Params.uuid("id", id);
        KeyedRequest request = keyed.request(idempotencyKey, "POST", uri.getPath(), link);
        return keyed.inTransaction(request, c -> service.linkEvents(c, eventId, link)
                .map(e -> keyed.answer(201, "/events/" + eventId, found(e, eventId))));
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path("/{id}/related/{kind}/{eventId}")
    @Operation(operationId = "unlinkEvents", summary = "Remove a relation")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such relation")
    public Uni<Void> unlinkEvents(@PathParam("id") String id, @PathParam("kind") String kind,
            @PathParam("eventId") String relatedId) {
        UUID eventId = Params.uuid("id", id);
        RelationKind relation = Params.enumValue("kind", kind, RelationKind.class);
        if (relation == null) {
            throw ApiException.badRequest("kind", "is required: FOLLOWS, RESPONDS_TO or PART_OF");
        }
        UUID related = Params.uuid("eventId", relatedId);
        return service.unlinkEvents(eventId, relation, related).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("event " + eventId + " has no " + relation + " link to " + related);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- parameters

    public static EventFilter filter(List<String> actor, String dyad, List<String> code, List<String> root,
            List<String> quad, List<String> status, String from, String to, List<String> place, String text) {
        List<UUID> pair = Params.uuids("dyad", dyad == null ? null : List.of(dyad));
        if (dyad != null && !dyad.isBlank() && pair.size() != 2) {
            throw ApiException.badRequest("dyad", "give two different actor ids: dyad=a,b");
        }
        List<String> codes = Params.split(code);
        codes.forEach(c -> {
            if (!c.matches("\\d{2,4}")) {
                throw ApiException.badRequest("code", "'" + c + "' is not a CAMEO event code");
            }
        });
        List<String> roots = Params.split(root).stream().map(r -> {
            if (!r.matches("\\d{1,2}")) {
                throw ApiException.badRequest("root", "'" + r + "' is not a CAMEO root code (01–20)");
            }
            return r.length() == 1 ? "0" + r : r;
        }).toList();
        java.time.LocalDate fromDate = Params.date("from", from);
        java.time.LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ApiException.badRequest("to", "must not be before from");
        }
        return new EventFilter(Params.uuids("actor", actor), pair, codes, roots, Params.ints("quad", quad, 1, 4),
                Params.enums("status", status, EventStatus.class), fromDate, toDate, Params.uuids("place", place),
                Params.text("text", text));
    }

    private static Sort sort(String sort, EventFilter filter) {
        if (sort == null || sort.isBlank()) {
            return filter.hasText() ? Sort.RELEVANCE : Sort.START_DESC;
        }
        Sort order = Params.enumValue("sort", sort, Sort.class);
        if (order == Sort.RELEVANCE && !filter.hasText()) {
            throw ApiException.badRequest("sort", "relevance needs a text filter");
        }
        return order;
    }

    private static Event found(Event e, UUID id) {
        if (e == null) {
            throw ApiException.notFound("no event " + id);
        }
        return e;
    }
}
