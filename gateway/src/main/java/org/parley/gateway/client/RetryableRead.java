package org.parley.gateway.client;

import java.util.function.Predicate;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * When a failed read is asked again ({@code @RetryWhen} on the clients' {@code read}): only when asking
 * again can help — the backend was unavailable or slow — and its read breaker is not open. A retry into
 * an open breaker cannot reach the backend; it would only replace the failure's own reason (say, the
 * half-open trial's "did not answer in time") with "calls are paused". A 404 or 400 is an answer, never
 * retried.
 */
abstract class RetryableRead implements Predicate<Throwable> {

    private final String breaker;

    RetryableRead(String breaker) {
        this.breaker = breaker;
    }

    @Override
    public boolean test(Throwable failure) {
        return (failure instanceof BackendUnavailableException || failure instanceof TimeoutException)
                && CircuitBreakerMaintenance.get().currentState(breaker) != CircuitBreakerState.OPEN;
    }

    /** Instantiated by SmallRye Fault Tolerance (which registers it for reflection). */
    public static final class Actors extends RetryableRead {
        public Actors() {
            super(ActorsClient.READ_BREAKER);
        }
    }

    public static final class Events extends RetryableRead {
        public Events() {
            super(EventsClient.READ_BREAKER);
        }
    }
}
