package org.parley.events.catalogue.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.parley.events.catalogue.EventType;
import org.parley.common.problem.ApiException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/event-types")
@Produces(MediaType.APPLICATION_JSON)
public class EventTypeResource {

    public record EventTypeDto(String code, String name, String rootCode, int quadClass, double goldstein) {
        static EventTypeDto of(EventType t) {
            return new EventTypeDto(t.code, t.name, t.rootCode, t.quadClass, t.goldstein);
        }
    }

    @GET
    @WithSession
    @Operation(operationId = "listEventTypes", summary = "The CAMEO event catalogue, optionally one root code")
    public Uni<List<EventTypeDto>> listEventTypes(@QueryParam("root") String root) {
        Uni<List<EventType>> types;
        if (root == null || root.isBlank()) {
            types = EventType.list("order by code");
        } else {
            if (!root.trim().matches("\\d{2}")) {
                throw ApiException.badRequest("root", "'" + root + "' is not a two-digit CAMEO root code");
            }
            types = EventType.list("rootCode = ?1 order by code", root.trim());
        }
        return types.map(list -> list.stream().map(EventTypeDto::of).toList());
    }
}
