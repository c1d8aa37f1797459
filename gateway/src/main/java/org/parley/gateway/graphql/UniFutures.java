package org.parley.gateway.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;

/**
 * A backend Uni handed to graphql-java or java-dataloader as a plain CompletableFuture, subscribed at once, its
 * item or failure mapped on the way. Mutiny's {@code map}/{@code onFailure}/{@code subscribeAsCompletionStage}
 * chain did the same, but each operator wraps its callback for context propagation and the future it made was a
 * contextual one whose every dependent stage (graphql-java's, dataloader's) was wrapped again: a snapshot of each
 * context provider per callback and each provider's context restored and ended around it. Nothing here reads
 * those contexts, and the callbacks run where the backend's answer arrives — the request's own Vert.x context,
 * where Quarkus keeps the request scope, the identity, the trace and the MDC — as they did.
 * <p>
 * Cancelling the future cancels the subscription (as Mutiny's stage did); a mapping that throws completes the
 * future with that exception.
 */
public final class UniFutures {

    private UniFutures() {
    }

    /**
     * {@code query} subscribed now; its failure, or an exception {@code query} throws, completes the future
     * exceptionally through {@code translate}.
     */
    public static <T> CompletableFuture<T> of(Supplier<Uni<T>> query, Function<Throwable, ? extends Throwable> translate) {
        Uni<T> uni;
        try {
            uni = query.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(translate.apply(e));
        }
        return of(uni, item -> item, failure -> {
            throw asUnchecked(translate.apply(failure));
        });
    }

    /** {@code uni} subscribed now; the future completes with {@code onItem} of its item or {@code onFailure} of its failure. */
    public static <T, R> CompletableFuture<R> of(Uni<T> uni, Function<? super T, ? extends R> onItem,
            Function<Throwable, ? extends R> onFailure) {
        Completion<T, R> completion = new Completion<>(onItem, onFailure);
        AbstractUni.subscribe(uni, completion);
        return completion;
    }

    private static RuntimeException asUnchecked(Throwable failure) {
        return failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
    }

    private static final class Completion<T, R> extends CompletableFuture<R> implements UniSubscriber<T> {
        private final Function<? super T, ? extends R> onItem;
        private final Function<Throwable, ? extends R> onFailure;
        private volatile UniSubscription subscription;

        Completion(Function<? super T, ? extends R> onItem, Function<Throwable, ? extends R> onFailure) {
            this.onItem = onItem;
            this.onFailure = onFailure;
        }

        @Override
        public void onSubscribe(UniSubscription upstream) {
            subscription = upstream;
            if (isCancelled()) {
                upstream.cancel();
            }
        }

        @Override
        public void onItem(T item) {
            completeWith(onItem, item);
        }

        @Override
        public void onFailure(Throwable failure) {
            completeWith(onFailure, failure);
        }

        private <X> void completeWith(Function<? super X, ? extends R> mapping, X signal) {
            R value;
            try {
                value = mapping.apply(signal);
            } catch (RuntimeException e) {
                completeExceptionally(e);
                return;
            }
            complete(value);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            UniSubscription upstream = subscription;
            if (cancelled && upstream != null) {
                upstream.cancel();
            }
            return cancelled;
        }
    }
}
