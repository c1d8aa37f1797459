package org.parley.events.stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Multi;

@Path("/events/stream")
public class EventStreamResource {

    private final EventChangeListener listener;

    public EventStreamResource(EventChangeListener listener) {
        this.listener = listener;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamEvents",
            summary = "Server-sent events: every committed insert/update/delete (event name = change)")
    public Multi<OutboundSseEvent> streamEvents(@Context Sse sse) {
        return listener.changes().map(m -> sse.newEventBuilder()
                .name(m.change().name())
                .id(m.id().toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(StreamMessage.class, m)
                .build());
    }
}
