package org.parley.gateway.importer;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * events-service's bulk endpoints, for the import only (config key {@code events-import}, same URL as
 * {@code events}): a batch of 1000 events is one transaction that may take seconds. The catalogue comes
 * from the shared, cached {@link org.parley.gateway.client.EventsClient#eventTypes()}.
 */
@RegisterRestClient(configKey = "events-import")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface EventsImportApi {

    @POST
    @Path("places/resolve")
    Uni<ImportModel.ResolveResult> resolvePlaces(ImportModel.PlaceResolveRequest request);

    @POST
    @Path("events/batch")
    Uni<ImportModel.EventBatchResult> recordEvents(ImportModel.EventBatchRequest request);
}
