package org.parley.importer;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

/**
 * events-service's endpoints the import uses (events-service README): the catalogue, the bulk place
 * resolve, the events batch (≤ 1000 events in one transaction) and the progress of a followed feed.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EventsApi {

    @GET
    @Path("event-types")
    Uni<List<ImportModel.EventType>> eventTypes();

    @POST
    @Path("places/resolve")
    Uni<ImportModel.ResolveResult> resolvePlaces(ImportModel.PlaceResolveRequest request);

    /** Each actor's most recent event and its number of events (≤ 500 actors per call; one statement). */
    @GET
    @Path("events/by-participants")
    Uni<List<ImportModel.ParticipantCount>> countByParticipants(@QueryParam("actors") String actorIds,
            @QueryParam("limit") int limit);

    @POST
    @Path("events/batch")
    Uni<ImportModel.EventBatchResult> recordEvents(ImportModel.EventBatchRequest request);

    /** 200 with the feed's progress, 404 when nothing of it was imported yet. */
    @GET
    @Path("imports/{feed}")
    Uni<ImportModel.FeedProgress> feedProgress(@PathParam("feed") String feed);

    /** Compare-and-set: 200 with the new progress, 409 when another importer moved it first. */
    @PUT
    @Path("imports/{feed}")
    Uni<ImportModel.FeedProgress> saveFeedProgress(@PathParam("feed") String feed, ImportModel.FeedProgressUpdate update);
}
