package org.parley.events.stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Ready only while change notifications can reach this replica's SSE clients. */
@Readiness
@ApplicationScoped
public class EventStreamHealthCheck implements AsyncHealthCheck {

    private final EventChangeListener listener;

    public EventStreamHealthCheck(EventChangeListener listener) {
        this.listener = listener;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(HealthCheckResponse.named("event-stream listener")
                .status(listener.isListening()).build());
    }
}
