package org.parley.importer;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

/** actors-service's bulk resolve (actors-service README): (code, name) pairs to ids, creating what is missing. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ActorsApi {

    @POST
    @Path("actors/resolve")
    Uni<ImportModel.ResolveResult> resolveActors(ImportModel.ActorResolveRequest request);

    /** Absolute event counts (≤ 1000 per call); they rank actors-service's text search. */
    @POST
    @Path("actors/event-counts")
    Uni<ImportModel.EventCountsResult> setEventCounts(ImportModel.EventCountsRequest request);
}
