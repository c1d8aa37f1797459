package org.parley.events;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.Readiness;
import org.parley.common.warmup.WarmUpCheck;
import org.parley.events.event.Event;
import org.parley.events.event.rest.EventResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Ready only once the gateway's reads have run once ({@link WarmUpCheck}): a page of events with its
 * count, those events by ids and their participants' events (the gateway's batches) — through the
 * resource, as a request runs them.
 */
@Startup
@Readiness
@Singleton
public class EventsWarmUp extends WarmUpCheck {

    private final EventResource events;

    public EventsWarmUp(Vertx vertx, ObjectMapper json, EventResource events) {
        super(vertx, "events-service", json);
        this.events = events;
    }

    @Override
    protected Uni<?> mainPaths() {
        List<String> none = List.of();
        return events.listEvents(none, none, null, none, none, none, none, null, null, none, null, null, "10", null, "true")
                .map(this::asJson)
                .chain(page -> {
                    List<String> ids = page.items().isEmpty() ? List.of(UUID.randomUUID().toString())
                            : page.items().stream().map(e -> e.id().toString()).toList();
                    List<String> actors = page.items().stream().flatMap(e -> e.participants().stream())
                            .map(Event.Participant::actorId).distinct().map(UUID::toString).toList();
                    return events.listEvents(ids, none, null, none, none, none, none, null, null, none, null, null, null,
                            null, null).map(this::asJson)
                            .chain(() -> events.listEventsByParticipants(actors.isEmpty() ? ids : actors, "5", none, null,
                                    none, none, none, none, null, null, none, null, null, "true"))
                            .map(this::asJson);
                });
    }
}
