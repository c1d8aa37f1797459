package org.parley.events.stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.smallrye.mutiny.Multi;

@Path("/events/stream")
public class EventStreamResource {

    private final EventChangeFeed feed;

    public EventStreamResource(EventChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamEvents",
            summary = "Server-sent events: every committed insert/update/delete (event name = change, id = seq); "
                    + "resumes after Last-Event-ID; heartbeat comments; 'reset' when the position is not retained")
    public Multi<OutboundSseEvent> streamEvents(@Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "Resume after this seq, for clients that cannot send Last-Event-ID")
            @QueryParam("after") String after) {
        return feed.follow(lastEventId != null ? lastEventId : after).map(item -> toSse(sse, item));
    }

    private static OutboundSseEvent toSse(Sse sse, StreamItem item) {
        var event = sse.newEventBuilder().id(Long.toString(item.position()));
        if (item instanceof StreamItem.Change c) {
            return event.name(c.message().change().name())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(StreamMessage.class, c.message()).build();
        }
        if (item instanceof StreamItem.Reset r) {
            return event.name("reset").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(ResetMessage.class, new ResetMessage(r.position(), r.reason())).build();
        }
        // a comment line: no event for the client's handlers, but it proves the connection is alive
        return event.comment("heartbeat").build();
    }
}
