package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/** A backend Uni as the plain future graphql-java and java-dataloader wait on. */
class UniFuturesTest {

    @Test
    void theQueryStartsAtOnceAndItsItemCompletesTheFuture() {
        AtomicInteger subscriptions = new AtomicInteger();
        CompletableFuture<String> future = UniFutures.of(
                () -> Uni.createFrom().item(() -> "answer " + subscriptions.incrementAndGet()), IllegalStateException::new);

        assertEquals(1, subscriptions.get());
        assertEquals("answer 1", future.join());
    }

    @Test
    void aFailureAndAThrowingQueryAreBothTranslated() {
        CompletableFuture<String> failed = UniFutures.of(() -> Uni.createFrom().failure(new RuntimeException("down")),
                failure -> new IllegalStateException("translated " + failure.getMessage()));
        CompletableFuture<String> thrown = UniFutures.<String> of(() -> {
            throw new IllegalArgumentException("bad id");
        }, failure -> new IllegalStateException("translated " + failure.getMessage()));

        assertEquals("translated down", cause(failed).getMessage());
        assertEquals("translated bad id", cause(thrown).getMessage());
    }

    @Test
    void itemAndFailureAreMappedAndAMappingThatThrowsFailsTheFuture() {
        assertEquals(4, UniFutures.of(Uni.createFrom().item("four"), String::length, failure -> -1).join());
        assertEquals(-1, UniFutures.of(Uni.createFrom().<String> failure(new RuntimeException()), String::length,
                failure -> -1).join());
        IllegalStateException broken = new IllegalStateException("mapping broke");
        assertSame(broken, cause(UniFutures.of(Uni.createFrom().item("x"), item -> {
            throw broken;
        }, failure -> 0)));
    }

    @Test
    void cancellingTheFutureCancelsTheCall() {
        AtomicReference<UniEmitter<? super String>> emitter = new AtomicReference<>();
        AtomicBoolean callCancelled = new AtomicBoolean();
        CompletableFuture<String> future = UniFutures.of(Uni.createFrom().<String> emitter(e -> {
            emitter.set(e);
            e.onTermination(() -> callCancelled.set(true));
        }), item -> item, failure -> null);

        assertTrue(future.cancel(false));
        emitter.get().complete("too late");

        assertTrue(callCancelled.get());
        assertTrue(future.isCancelled());
        assertFalse(future.complete("later still"));
    }

    private static Throwable cause(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, future::get).getCause();
    }
}
