package org.parley.gateway.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.parley.gateway.observability.LatencyBuckets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * {@code parley_gateway_backend_calls_seconds} (count, sum, buckets) by {@code backend}, {@code endpoint}
 * (method and path template, e.g. {@code GET /actors}) and {@code outcome}: one per call a resolver makes
 * through {@link ActorsClient} or {@link EventsClient}, retries and circuit breaker included — so a call
 * the open breaker refused ({@code circuit_open}) or that ran out of time ({@code timeout}) is counted
 * too, which the transport-level {@code http_client_requests_seconds} never sees. A backend 404 is
 * {@code not_found} (an answer), 400/422 {@code bad_input}, 409/412/428 {@code conflict}.
 */
@ApplicationScoped
public class BackendCalls {

    public static final String METRIC = "parley.gateway.backend.calls";

    private final MeterRegistry registry;
    // One Timer per label set, built once: Timer.builder(…).register(…) per call cost a builder, its tags and a
    // registry lookup on every backend call. Bounded: backends × endpoint templates × outcomes.
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    public BackendCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * {@code call}, timed from subscription to its item, failure or cancellation, and its failure (a backend's
     * answer, the fault-tolerance layer's timeout or open breaker …) translated into a {@link BackendException}.
     */
    <T> Uni<T> guard(String backend, String endpoint, Uni<T> call) {
        return CallOutcome.observed(call, failure -> BackendErrors.translate(backend, failure),
                (subscribedAt, failure, cancelled) -> timer(backend, endpoint, cancelled ? "cancelled" : outcome(failure))
                        .record(System.nanoTime() - subscribedAt, TimeUnit.NANOSECONDS));
    }

    private Timer timer(String backend, String endpoint, String outcome) {
        return timers.computeIfAbsent(List.of(backend, endpoint, outcome), key -> Timer.builder(METRIC)
                .description("Backend calls of the gateway, retries and circuit breaker included")
                .tags("backend", backend, "endpoint", endpoint, "outcome", outcome)
                .serviceLevelObjectives(LatencyBuckets.bounds())
                .register(registry));
    }

    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CircuitBreakerOpenException) {
                return "circuit_open";
            }
            if (t instanceof TimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "timeout";
            }
            if (t instanceof BackendUnavailableException) {
                return "unavailable";
            }
            if (t instanceof BackendException backend) {
                return backend.kind().name().toLowerCase(Locale.ROOT);
            }
        }
        return "unavailable";
    }
}
