package org.parley.common.warmup;

import java.time.Duration;

import jakarta.annotation.PostConstruct;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A readiness check that is DOWN until the service's main read paths ({@link #mainPaths()}) have run once
 * after start-up, so the service reports ready only when its first real requests no longer pay for class
 * loading, the first database connections, query compilation and the first JSON serialisers. A service
 * subclasses it as a {@code @Startup @Readiness @Singleton} bean (a singleton: no client proxy, so no no-args constructor): the warm-up begins when the
 * bean is created at start-up and start-up does not wait for it.
 *
 * <p>
 * Why: right after a restart a service's first calls took 1.9–2.8 s on a busy machine (bench/faults.sh
 * R1), longer than the gateway's 1.5 s read timeout, so the gateway's first calls after "ready" failed.
 * The paths run on a safe Vert.x duplicated context, as a request's would (Hibernate Reactive needs one),
 * never blocking the event loop. A failed run (say, the database is not there yet) is tried again with a
 * growing pause; after {@value #MAX_ATTEMPTS} tries it gives up and reports UP with status "skipped": a
 * warm-up must never keep a service out of service, and the datasource's own readiness check still speaks
 * for the database.
 */
public abstract class WarmUpCheck implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUpCheck.class);
    private static final int MAX_ATTEMPTS = 12;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    enum Status {
        WARMING, WARM, SKIPPED
    }

    private final Vertx vertx;
    private final String service;
    private final ObjectMapper json;
    private volatile Status status = Status.WARMING;
    private volatile long tookMs = -1;
    private long startedAt;

    protected WarmUpCheck(Vertx vertx, String service, ObjectMapper json) {
        this.vertx = vertx;
        this.service = service;
        this.json = json;
    }

    /** The reads a request of the gateway makes, chained; each answer passed through {@link #asJson}. */
    protected abstract Uni<?> mainPaths();

    @PostConstruct
    void begin() {
        startedAt = System.nanoTime();
        attempt(1);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(HealthCheckResponse.named("warm-up").status(status != Status.WARMING)
                .withData("status", status.name().toLowerCase()).withData("ms", tookMs).build());
    }

    /**
     * Writes an answer as JSON and passes it on: the first serialisation of each answer type costs as much
     * as its first query (serialisers are built and cached per type).
     */
    protected <T> T asJson(T answer) {
        try {
            json.writeValueAsBytes(answer);
            return answer;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + answer.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private void attempt(int n) {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(this::mainPaths).subscribe().with(
                result -> {
                    tookMs = Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
                    status = Status.WARM;
                    LOG.infof("%s warmed up its main read paths in %d ms (attempt %d)", service, tookMs, n);
                },
                failure -> {
                    if (n >= MAX_ATTEMPTS) {
                        status = Status.SKIPPED;
                        LOG.warnf("%s gave up warming up after %d attempts (%s); ready without it", service, n, failure);
                        return;
                    }
                    long pause = Math.min(MAX_PAUSE.toMillis(), 100L << Math.min(n, 6));
                    LOG.debugf("%s warm-up attempt %d failed (%s); again in %d ms", service, n, failure, pause);
                    vertx.setTimer(pause, id -> attempt(n + 1));
                }));
    }
}
