package org.parley.gateway.client;

import java.util.List;

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

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** actors-service over HTTP. Package-private: only {@link ActorsClient} may call it unguarded. */
@RegisterRestClient(configKey = "actors")
@Path("/")
@RegisterClientHeaders(CallerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ActorsApi {

    @GET
    @Path("actors/{id}")
    Uni<ActorsModel.Actor> getActor(@PathParam("id") String id);

    @GET
    @Path("actors")
    Uni<ActorsModel.ActorPage> listActorsByIds(@QueryParam("ids") String ids);

    @GET
    @Path("actors")
    Uni<ActorsModel.ActorPage> searchActors(@QueryParam("text") String text, @QueryParam("kind") List<String> kinds,
            @QueryParam("country") String country, @QueryParam("limit") int limit, @QueryParam("after") String after);

    @GET
    @Path("relationships")
    Uni<List<ActorsModel.Relationship>> listRelationshipsOfActors(@QueryParam("actors") String actorIds);

    @POST
    @Path("actors")
    Uni<ActorsModel.Actor> createActor(@HeaderParam("Idempotency-Key") String idempotencyKey, ActorsModel.ActorInput input);

    @PUT
    @Path("actors/{id}")
    Uni<ActorsModel.Actor> updateActor(@PathParam("id") String id, ActorsModel.ActorInput input);

    @DELETE
    @Path("actors/{id}")
    Uni<Void> deleteActor(@PathParam("id") String id);

    @POST
    @Path("actors/{id}/relationships")
    Uni<ActorsModel.Relationship> addRelationship(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            ActorsModel.RelationshipInput input);
}
