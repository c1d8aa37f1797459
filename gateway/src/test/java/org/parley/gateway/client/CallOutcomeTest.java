package org.parley.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * The one operator every backend call ends with behaves as the Mutiny operators it replaces in a row
 * ({@code deferred} + {@code onTermination().invoke} + {@code onFailure().transform}).
 */
class CallOutcomeTest {

    /** What the end hook was told, in order. */
    private final List<String> ends = new ArrayList<>();

    private final CallOutcome.End recordEnd = (subscribedAt, failure, cancelled) -> {
        assertTrue(subscribedAt <= System.nanoTime());
        ends.add(cancelled ? "cancelled" : failure == null ? "item" : "failure " + failure.getMessage());
    };

    @Test
    void anItemPassesAndTheEndIsToldOnce() {
        Uni<String> call = CallOutcome.observed(Uni.createFrom().item("answer"), IllegalStateException::new, recordEnd);

        assertEquals("answer", call.await().atMost(Duration.ofSeconds(1)));
        assertEquals(List.of("item"), ends);
    }

    @Test
    void aFailureIsTranslatedAndTheEndSeesItUntranslated() {
        Uni<String> call = CallOutcome.observed(Uni.createFrom().failure(new RuntimeException("refused")),
                failure -> new BackendUnavailableException("events-service", "translated: " + failure.getMessage()),
                recordEnd);

        BackendUnavailableException seen = assertThrows(BackendUnavailableException.class,
                () -> call.await().atMost(Duration.ofSeconds(1)));
        assertEquals("translated: refused", seen.getMessage());
        assertEquals(List.of("failure refused"), ends);
    }

    @Test
    void translatedOnlyTouchesFailures() {
        assertEquals(7, CallOutcome.translated(Uni.createFrom().item(7), IllegalStateException::new).await().indefinitely());
        IllegalStateException seen = assertThrows(IllegalStateException.class, () -> CallOutcome
                .translated(Uni.createFrom().<Integer> failure(new RuntimeException("x")), IllegalStateException::new)
                .await().indefinitely());
        assertEquals("x", seen.getCause().getMessage());
    }

    @Test
    void aCancellationReachesTheCallAndEndsItOnceWithNothingAfter() {
        AtomicReference<UniEmitter<? super String>> emitter = new AtomicReference<>();
        AtomicBoolean upstreamCancelled = new AtomicBoolean();
        Uni<String> pending = Uni.createFrom().emitter(e -> {
            emitter.set(e);
            e.onTermination(() -> upstreamCancelled.set(true));
        });
        AtomicInteger downstreamSignals = new AtomicInteger();

        Cancellable subscription = CallOutcome.observed(pending, IllegalStateException::new, recordEnd).subscribe()
                .with(item -> downstreamSignals.incrementAndGet(), failure -> downstreamSignals.incrementAndGet());
        subscription.cancel();
        subscription.cancel();
        emitter.get().complete("too late");

        assertTrue(upstreamCancelled.get());
        assertEquals(List.of("cancelled"), ends);
        assertEquals(0, downstreamSignals.get());
    }

    @Test
    void eachSubscriptionIsObservedOnItsOwn() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> flaky = Uni.createFrom().item(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RuntimeException("first try");
            }
            return "second try";
        });

        String answer = CallOutcome.observed(flaky, failure -> failure, recordEnd).onFailure().retry().atMost(1)
                .await().indefinitely();

        assertEquals("second try", answer);
        assertEquals(List.of("failure first try", "item"), ends);
    }

    @Test
    void anEndHookThatThrowsTurnsTheItemIntoItsFailure() {
        IllegalStateException broken = new IllegalStateException("metrics broke");
        Uni<String> call = CallOutcome.observed(Uni.createFrom().item("answer"), failure -> failure,
                (subscribedAt, failure, cancelled) -> {
                    throw broken;
                });

        assertSame(broken, assertThrows(IllegalStateException.class, () -> call.await().indefinitely()));
    }

    @Test
    void theSubscribersMutinyContextReachesTheCall() {
        Uni<String> readsContext = Uni.createFrom().context(context -> Uni.createFrom().item(context.<String> get("caller")));

        String seen = CallOutcome.observed(readsContext, failure -> failure, recordEnd)
                .awaitUsing(Context.of("caller", "analyst")).indefinitely();

        assertEquals("analyst", seen);
    }
}
