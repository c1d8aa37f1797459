package org.parley.gateway.client;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The gateway's only way to actors-service. Owns the timeout, the bounded retry (reads only), the
 * circuit breaker and the translation of failures into {@link BackendException}s.
 */
@ApplicationScoped
public class ActorsClient {

    public static final String SERVICE = "actors-service";
    /** The circuit breakers' names (BackendRecovery closes them when the backend is back). */
    public static final String READ_BREAKER = SERVICE + "-reads";
    public static final String WRITE_BREAKER = SERVICE + "-writes";

    private final ActorsApi api;
    private final BackendCalls calls;

    public ActorsClient(@RestClient ActorsApi api, BackendCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    /** The actor, or null when actors-service does not know the id. */
    public Uni<ActorsModel.Actor> getActor(String id) {
        return BackendErrors.nullIfNotFound(guarded("GET /actors/{id}", read(() -> api.getActor(id))));
    }

    /** Actors by id, one request per 500 distinct ids; unknown ids are simply absent from the map. */
    public Uni<Map<String, ActorsModel.Actor>> findActorsByIds(Collection<String> ids) {
        return guarded("GET /actors", Chunks.call(ids, csv -> read(() -> api.listActorsByIds(csv)))).map(pages -> {
            Map<String, ActorsModel.Actor> byId = new HashMap<>();
            pages.forEach(page -> page.items().forEach(actor -> byId.put(actor.id(), actor)));
            return byId;
        });
    }

    public Uni<ActorsModel.ActorPage> searchActors(ActorsModel.ActorSearch search, int limit, String after) {
        return guarded("GET /actors", read(() -> api.searchActors(search.text(), search.kinds(), search.country(), limit, after)));
    }

    /** Relationships touching each of the given actors (in both directions), one request per chunk. */
    public Uni<Map<String, List<ActorsModel.Relationship>>> findRelationshipsOfActors(Collection<String> actorIds) {
        Set<String> wanted = new HashSet<>(actorIds);
        return guarded("GET /relationships", Chunks.call(actorIds, csv -> read(() -> api.listRelationshipsOfActors(csv)))).map(lists -> {
            Map<String, List<ActorsModel.Relationship>> byActor = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (List<ActorsModel.Relationship> list : lists) {
                for (ActorsModel.Relationship r : list) {
                    if (!seen.add(r.id())) {
                        continue; // two chunks may both return a relationship between their actors
                    }
                    if (wanted.contains(r.fromId())) {
                        byActor.computeIfAbsent(r.fromId(), k -> new ArrayList<>()).add(r);
                    }
                    if (wanted.contains(r.toId()) && !r.toId().equals(r.fromId())) {
                        byActor.computeIfAbsent(r.toId(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            return byActor;
        });
    }

    /** {@code idempotencyKey} (may be null) is sent as Idempotency-Key: a retry with it answers the first result. */
    public Uni<ActorsModel.Actor> createActor(String idempotencyKey, ActorsModel.ActorInput input) {
        return guarded("POST /actors", write(() -> api.createActor(idempotencyKey, input)));
    }

    public Uni<ActorsModel.Actor> updateActor(String id, ActorsModel.ActorInput input) {
        return guarded("PUT /actors/{id}", write(() -> api.updateActor(id, input)));
    }

    /** True when deleted, false when there was no such actor. */
    public Uni<Boolean> deleteActor(String id) {
        return guarded("DELETE /actors/{id}", write(() -> api.deleteActor(id))).map(ignored -> Boolean.TRUE)
                .onFailure(BackendException.class).recoverWithUni(e -> BackendErrors.notFoundAsNull((BackendException) e)
                        .map(ignored -> Boolean.FALSE));
    }

    /** {@code idempotencyKey} (may be null) is sent as Idempotency-Key: a retry with it answers the first result. */
    public Uni<ActorsModel.Relationship> addRelationship(String actorId, String idempotencyKey,
            ActorsModel.RelationshipInput input) {
        return guarded("POST /actors/{id}/relationships", write(() -> api.addRelationship(actorId, idempotencyKey, input)));
    }

    // Every read shares one timeout, retry policy and circuit breaker: if actors-service is down, all
    // reads should stop hammering it together. Values are overridable by MicroProfile config
    // (org.parley.gateway.client.ActorsClient/read/Timeout/value, …). Retries only when asking again can
    // help (RetryableRead: unavailable or slow, and the breaker not open); a 404 or 400 is an answer, not a
    // failure, so it neither retries nor trips the breaker. An open breaker is closed by BackendRecovery as
    // soon as actors-service is ready again after an outage; its own half-open trial covers the rest.
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50)
    @RetryWhen(exception = RetryableRead.Actors.class)
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

    /** Fault-tolerance exceptions (timeout, open circuit) become BackendExceptions too; each call is measured. */
    private <T> Uni<T> guarded(String endpoint, Uni<T> call) {
        return calls.guard(SERVICE, endpoint, call);
    }

}
