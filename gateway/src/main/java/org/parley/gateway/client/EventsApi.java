package org.parley.gateway.client;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** events-service over HTTP. Package-private: only {@link EventsClient} may call it unguarded. */
@RegisterRestClient(configKey = "events")
@Path("/")
@RegisterClientHeaders(CallerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface EventsApi {

    @GET
    @Path("event-types")
    Uni<List<EventsModel.EventType>> listEventTypes(@QueryParam("root") String root);

    @GET
    @Path("places/{id}")
    Uni<EventsModel.Place> getPlace(@PathParam("id") String id);

    @GET
    @Path("places")
    Uni<List<EventsModel.Place>> listPlacesByIds(@QueryParam("ids") String ids);

    @GET
    @Path("events/{id}")
    Uni<EventsModel.Event> getEvent(@PathParam("id") String id);

    @GET
    @Path("events")
    Uni<EventsModel.EventPage> listEventsByIds(@QueryParam("ids") String ids);

    @GET
    @Path("events")
    Uni<EventsModel.EventPage> listEvents(@QueryParam("actor") List<String> actors, @QueryParam("dyad") String dyad,
            @QueryParam("code") List<String> codes, @QueryParam("root") List<String> roots,
            @QueryParam("quad") List<Integer> quads, @QueryParam("status") List<String> statuses,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("place") List<String> places, @QueryParam("text") String text,
            @QueryParam("sort") String sort, @QueryParam("limit") int limit, @QueryParam("after") String after,
            @QueryParam("count") boolean count);

    @GET
    @Path("events/by-participants")
    Uni<List<EventsModel.ParticipantEvents>> listEventsByParticipants(@QueryParam("actors") String actorIds,
            @QueryParam("limit") int limit, @QueryParam("code") List<String> codes,
            @QueryParam("root") List<String> roots, @QueryParam("quad") List<Integer> quads,
            @QueryParam("status") List<String> statuses, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("place") List<String> places,
            @QueryParam("text") String text, @QueryParam("sort") String sort, @QueryParam("count") boolean count);

    @POST
    @Path("events")
    Uni<EventsModel.Event> recordEvent(@HeaderParam("Idempotency-Key") String idempotencyKey, EventsModel.EventInput input);

    @PUT
    @Path("events/{id}")
    Uni<EventsModel.Event> replaceEvent(@PathParam("id") String id, EventsModel.EventInput input);

    @POST
    @Path("events/{id}/sources")
    Uni<EventsModel.Event> addSource(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            EventsModel.SourceInput input);

    @POST
    @Path("events/{id}/related")
    Uni<EventsModel.Event> linkEvents(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            EventsModel.LinkInput input);

    @GET
    @Path("stats/dyad")
    Uni<EventsModel.DyadStats> dyadStats(@QueryParam("a") String a, @QueryParam("b") String b,
            @QueryParam("interval") String interval, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to);

    @GET
    @Path("stats/counts")
    Uni<EventsModel.EventCounts> eventCounts(@QueryParam("groupBy") String groupBy,
            @QueryParam("interval") String interval, @QueryParam("baseline") Integer baseline,
            @QueryParam("limit") int limit, @QueryParam("actor") List<String> actors, @QueryParam("dyad") String dyad,
            @QueryParam("code") List<String> codes, @QueryParam("root") List<String> roots,
            @QueryParam("quad") List<Integer> quads, @QueryParam("status") List<String> statuses,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("place") List<String> places, @QueryParam("text") String text);

    @GET
    @Path("stats/counterparts")
    Uni<List<EventsModel.ActorCounterparts>> counterpartsOfActors(@QueryParam("actors") String actorIds,
            @QueryParam("limit") int limit);
}
