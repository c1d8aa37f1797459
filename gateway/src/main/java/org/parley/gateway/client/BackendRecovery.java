package org.parley.gateway.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.parley.gateway.config.GatewayConfig;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Closes a backend's circuit breakers as soon as the backend is back from an outage, instead of leaving
 * that to the breakers' own half-open trial.
 *
 * <p>
 * Why: the trial comes only after the breaker's delay (5 s), and it is an ordinary call with the ordinary
 * read timeout (1.5 s). A backend that has just started answers its first calls slowly (cold JVM), so the
 * trial timed out and the breaker stayed open for another delay, two or three times (bench/faults.sh R1:
 * 8–14 s of "calls are paused" after the backend was ready). The backend's readiness is its own word that
 * it can serve — its database reachable and its main queries already run once (the services' warm-up
 * check) — and it costs the backend nothing to be asked.
 *
 * <p>
 * The rule: while any breaker of a backend is not closed, its readiness endpoint is polled every
 * {@code parley.gateway.recovery.probe-interval}. The backend's breakers are closed when it was seen
 * <em>not</em> ready during this watch (unreachable, DOWN, slower than the probe timeout) and is ready
 * now: it restarted, or its outage ended. A backend that stays ready while its calls fail or time out is
 * left to the breakers' own trials, so the breaker still sheds load from a backend that is up but
 * struggling.
 */
@ApplicationScoped
public class BackendRecovery {

    private static final Logger LOG = Logger.getLogger(BackendRecovery.class);

    private final CircuitBreakerMaintenance breakers;
    private final Vertx vertx;
    private final HttpClient http;
    private final long intervalMs;
    private final long timeoutMs;
    private final List<Watch> watches;

    public BackendRecovery(CircuitBreakerMaintenance breakers, Vertx vertx, GatewayConfig config) {
        this.breakers = breakers;
        this.vertx = vertx;
        Duration timeout = config.recovery().probeTimeout();
        // a new connection per probe: a pooled one would be dead after the backend's restart
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)
                .setConnectTimeout((int) timeout.toMillis()));
        this.intervalMs = Math.max(1, config.recovery().probeInterval().toMillis());
        this.timeoutMs = timeout.toMillis();
        this.watches = List.of(
                new Watch(ActorsClient.SERVICE, config.recovery().actorsReadyUrl(),
                        List.of(ActorsClient.READ_BREAKER, ActorsClient.WRITE_BREAKER)),
                new Watch(EventsClient.SERVICE, config.recovery().eventsReadyUrl(),
                        List.of(EventsClient.READ_BREAKER, EventsClient.WRITE_BREAKER)));
    }

    void listen(@Observes StartupEvent started) {
        for (Watch watch : watches) {
            for (String breaker : watch.breakers) {
                breakers.onStateChange(breaker, state -> {
                    if (state == CircuitBreakerState.OPEN) {
                        watch.start();
                    }
                });
            }
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** One backend: its readiness URL and the breakers guarding calls to it. */
    private final class Watch {

        private final String service;
        private final String readyUrl;
        private final List<String> breakers;
        private final AtomicBoolean running = new AtomicBoolean();
        /** Seen not ready since this watch began (only the event loop of the probe touches it). */
        private volatile boolean sawDown;

        Watch(String service, String readyUrl, List<String> breakers) {
            this.service = service;
            this.readyUrl = readyUrl;
            this.breakers = breakers;
        }

        void start() {
            if (running.compareAndSet(false, true)) {
                sawDown = false;
                vertx.runOnContext(ignored -> probe());
            }
        }

        private boolean anyNotClosed() {
            return breakers.stream().anyMatch(b -> BackendRecovery.this.breakers.currentState(b) != CircuitBreakerState.CLOSED);
        }

        private void probe() {
            if (!anyNotClosed()) {
                running.set(false);
                // a breaker that opened between the check and the flag would have found the watch running
                if (anyNotClosed()) {
                    start();
                }
                return;
            }
            RequestOptions request = new RequestOptions().setAbsoluteURI(readyUrl).setMethod(HttpMethod.GET)
                    .setIdleTimeout(timeoutMs);
            http.request(request)
                    .compose(req -> req.send().compose(response -> response.body().map(body -> response.statusCode())))
                    .onComplete(answer -> {
                        boolean ready = answer.succeeded() && answer.result() == 200;
                        if (!ready) {
                            sawDown = true;
                        } else if (sawDown) {
                            closeBreakers();
                        }
                        vertx.setTimer(intervalMs, ignored -> probe());
                    });
        }

        private void closeBreakers() {
            for (String breaker : breakers) {
                if (BackendRecovery.this.breakers.currentState(breaker) != CircuitBreakerState.CLOSED) {
                    BackendRecovery.this.breakers.reset(breaker);
                }
            }
            sawDown = false;
            LOG.infof("%s is ready again (%s): its circuit breakers are closed", service, readyUrl);
        }
    }
}
