package org.parley.gateway.importer;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * actors-service's bulk resolve, for the import only: its own client (config key {@code actors-import},
 * same URL as {@code actors}) so a 1000-item call gets an import-sized timeout, not the interactive
 * reads' policy.
 */
@RegisterRestClient(configKey = "actors-import")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ActorsImportApi {

    @POST
    @Path("actors/resolve")
    Uni<ImportModel.ResolveResult> resolveActors(ImportModel.ActorResolveRequest request);
}
