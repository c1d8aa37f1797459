package org.parley.gateway.client;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;

/**
 * The gateway's only way to events-service. Owns the timeout, the bounded retry (reads only), the
 * circuit breaker and the translation of failures into {@link BackendException}s.
 */
@ApplicationScoped
public class EventsClient {

    public static final String SERVICE = "events-service";
    /** The circuit breakers' names (BackendRecovery closes them when the backend is back). */
    public static final String READ_BREAKER = SERVICE + "-reads";
    public static final String WRITE_BREAKER = SERVICE + "-writes";

    /** The CAMEO catalogue changes with a release of events-service, not per request. */
    private static final Duration CATALOGUE_TTL = Duration.ofMinutes(10);

    private final EventsApi api;
    private final BackendCalls calls;
    private volatile List<EventsModel.EventType> catalogue;
    private volatile long catalogueExpiresAt;

    public EventsClient(@RestClient EventsApi api, BackendCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    /** The whole CAMEO catalogue, cached for a while; a failed load is not cached. */
    public Uni<List<EventsModel.EventType>> eventTypes() {
        List<EventsModel.EventType> cached = catalogue;
        if (cached != null && System.nanoTime() - catalogueExpiresAt < 0) {
            return Uni.createFrom().item(cached);
        }
        return guarded("GET /event-types", read(() -> api.listEventTypes(null))).invoke(loaded -> {
            catalogue = List.copyOf(loaded);
            catalogueExpiresAt = System.nanoTime() + CATALOGUE_TTL.toNanos();
        });
    }

    public Uni<List<EventsModel.EventType>> eventTypes(String rootCode) {
        return guarded("GET /event-types", read(() -> api.listEventTypes(rootCode)));
    }

    public Uni<EventsModel.Place> getPlace(String id) {
        return BackendErrors.nullIfNotFound(guarded("GET /places/{id}", read(() -> api.getPlace(id))));
    }

    public Uni<Map<String, EventsModel.Place>> findPlacesByIds(Collection<String> ids) {
        return guarded("GET /places", Chunks.call(ids, csv -> read(() -> api.listPlacesByIds(csv)))).map(lists -> {
            Map<String, EventsModel.Place> byId = new HashMap<>();
            lists.forEach(list -> list.forEach(place -> byId.put(place.id(), place)));
            return byId;
        });
    }

    public Uni<EventsModel.Event> getEvent(String id) {
        return BackendErrors.nullIfNotFound(guarded("GET /events/{id}", read(() -> api.getEvent(id))));
    }

    public Uni<Map<String, EventsModel.Event>> findEventsByIds(Collection<String> ids) {
        return guarded("GET /events", Chunks.call(ids, csv -> read(() -> api.listEventsByIds(csv)))).map(pages -> {
            Map<String, EventsModel.Event> byId = new HashMap<>();
            pages.forEach(page -> page.items().forEach(event -> byId.put(event.id(), event)));
            return byId;
        });
    }

    /**
     * A page of events. {@code count}: whether events-service counts all matches (totalCount); when true
     * the page always carries it (else the call fails), when false totalCount is null.
     */
    public Uni<EventsModel.EventPage> listEvents(EventsModel.EventQuery q, int limit, String after, boolean count) {
        return guarded("GET /events", read(() -> api.listEvents(q.actors(), q.dyad(), q.codes(), q.roots(), q.quads(), q.statuses(),
                q.from(), q.to(), q.places(), q.text(), q.sort(), limit, after, count)))
                .map(page -> {
                    requireCount(count, page.totalCount());
                    return page;
                });
    }

    /**
     * The first {@code limit} events of each actor (by the given filters), keyed by actor id; each entry's
     * totalCount as in {@link #listEvents}.
     */
    public Uni<Map<String, EventsModel.ParticipantEvents>> findEventsByParticipants(Collection<String> actorIds,
            EventsModel.EventQuery q, int limit, boolean count) {
        return guarded("GET /events/by-participants", Chunks.call(actorIds, csv -> read(() -> api.listEventsByParticipants(csv, limit, q.codes(),
                q.roots(), q.quads(), q.statuses(), q.from(), q.to(), q.places(), q.text(), q.sort(), count))))
                .map(lists -> {
                    Map<String, EventsModel.ParticipantEvents> byActor = new HashMap<>();
                    lists.forEach(list -> list.forEach(entry -> {
                        requireCount(count, entry.totalCount());
                        byActor.put(entry.actorId(), entry);
                    }));
                    return byActor;
                });
    }

    /**
     * A count that was asked for and is missing is a backend fault, not a 0: the schema's totalCount is
     * non-null, and a made-up number would be a wrong answer. Checked outside read(): asking again would
     * not help, so it is neither retried nor held against the circuit breaker.
     */
    private static void requireCount(boolean asked, Long totalCount) {
        if (asked && totalCount == null) {
            throw new BackendUnavailableException(SERVICE,
                    SERVICE + " answered without the totalCount it was asked for");
        }
    }

    public Uni<EventsModel.DyadStats> dyadStats(String a, String b, String interval, LocalDate from, LocalDate to) {
        return guarded("GET /stats/dyad", read(() -> api.dyadStats(a, b, interval, from, to)));
    }

    /** Counts per group and period against each group's baseline; {@code baseline} null: the service's default. */
    public Uni<EventsModel.EventCounts> eventCounts(EventsModel.EventQuery q, String groupBy, String interval,
            Integer baseline, int limit) {
        return guarded("GET /stats/counts", read(() -> api.eventCounts(groupBy, interval, baseline, limit, q.actors(),
                q.dyad(), q.codes(), q.roots(), q.quads(), q.statuses(), q.from(), q.to(), q.places(), q.text())));
    }

    public Uni<Map<String, List<EventsModel.Counterpart>>> counterpartsOfActors(Collection<String> actorIds,
            int limit) {
        return guarded("GET /stats/counterparts", Chunks.call(actorIds, csv -> read(() -> api.counterpartsOfActors(csv, limit)))).map(lists -> {
            Map<String, List<EventsModel.Counterpart>> byActor = new HashMap<>();
            lists.forEach(list -> list.forEach(entry -> byActor.put(entry.actorId(), entry.counterparts())));
            return byActor;
        });
    }

    /** {@code idempotencyKey} (may be null) is sent as Idempotency-Key: a retry with it answers the first result. */
    public Uni<EventsModel.Event> recordEvent(String idempotencyKey, EventsModel.EventInput input) {
        return guarded("POST /events", write(() -> api.recordEvent(idempotencyKey, input)));
    }

    public Uni<EventsModel.Event> replaceEvent(String id, EventsModel.EventInput input) {
        return guarded("PUT /events/{id}", write(() -> api.replaceEvent(id, input)));
    }

    public Uni<EventsModel.Event> addSource(String eventId, String idempotencyKey, EventsModel.SourceInput input) {
        return guarded("POST /events/{id}/sources", write(() -> api.addSource(eventId, idempotencyKey, input)));
    }

    public Uni<EventsModel.Event> linkEvents(String eventId, String idempotencyKey, EventsModel.LinkInput input) {
        return guarded("POST /events/{id}/related", write(() -> api.linkEvents(eventId, idempotencyKey, input)));
    }

    // Same policy as ActorsClient: one breaker per service for reads; retry only what a retry can fix;
    // BackendRecovery closes the breakers when events-service is ready again after an outage.
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50)
    @RetryWhen(exception = RetryableRead.Events.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2, failOn = {
            BackendUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(READ_BREAKER)
    <T> Uni<T> read(Supplier<Uni<T>> call) {
        return CallOutcome.translated(call.get(), t -> BackendErrors.translate(SERVICE, t));
    }

    // Writes are never retried: a POST that timed out may have been applied.
    @Timeout(value = 3000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2, failOn = {
            BackendUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(WRITE_BREAKER)
    <T> Uni<T> write(Supplier<Uni<T>> call) {
        return CallOutcome.translated(call.get(), t -> BackendErrors.translate(SERVICE, t));
    }

    private <T> Uni<T> guarded(String endpoint, Uni<T> call) {
        return calls.guard(SERVICE, endpoint, call);
    }

}
