package org.parley.gateway.client;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.smallrye.mutiny.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;

/**
 * What every backend call's Uni needs on its way out, as ONE operator: its failure replaced by a translation
 * ({@link BackendErrors#translate}) and, optionally, a hook on its end (item, failure or cancellation, with the
 * time it was subscribed at: {@link BackendCalls}' timer). The same as {@code onSubscription}/{@code deferred},
 * {@code onTermination().invoke} and {@code onFailure().transform} in a row, which is what the clients did; but each
 * of Mutiny's operators wraps its callback for context propagation (a snapshot of every context provider when the
 * operator is built, and each provider's context restored and ended around the call), and neither translating an
 * exception nor recording a timer reads any of those contexts. In benchmark 6 those wrappers were ~10 % of the
 * gateway's CPU on the dyad query; three per call are saved here, and one more inside the fault-tolerance boundary.
 * <p>
 * Mutiny's rules kept: one end only (an item or failure after cancellation is dropped, a cancellation after the
 * end does nothing but pass upstream), the downstream's Mutiny {@link Context} handed upstream, a hook that throws
 * turning an item into that failure.
 */
final class CallOutcome<T> extends AbstractUni<T> {

    /** Called once per subscription, at its end: {@code failure} as the upstream failed (before translation). */
    interface End {
        void at(long subscribedAtNanos, Throwable failure, boolean cancelled);
    }

    private static final End NONE = (subscribedAt, failure, cancelled) -> {
    };

    private final Uni<T> upstream;
    private final Function<Throwable, ? extends Throwable> translate;
    private final End end;

    private CallOutcome(Uni<T> upstream, Function<Throwable, ? extends Throwable> translate, End end) {
        this.upstream = upstream;
        this.translate = translate;
        this.end = end;
    }

    /** {@code call} with its failure translated. */
    static <T> Uni<T> translated(Uni<T> call, Function<Throwable, ? extends Throwable> translate) {
        return new CallOutcome<>(call, translate, NONE);
    }

    /** {@code call} with its failure translated and {@code end} told how and when each subscription ended. */
    static <T> Uni<T> observed(Uni<T> call, Function<Throwable, ? extends Throwable> translate, End end) {
        return new CallOutcome<>(call, translate, end);
    }

    @Override
    public void subscribe(UniSubscriber<? super T> downstream) {
        AbstractUni.subscribe(upstream, new Outcome(downstream, end == NONE ? 0 : System.nanoTime()));
    }

    private final class Outcome implements UniSubscriber<T>, UniSubscription {
        private final UniSubscriber<? super T> downstream;
        private final long subscribedAt;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile UniSubscription subscription;

        Outcome(UniSubscriber<? super T> downstream, long subscribedAt) {
            this.downstream = downstream;
            this.subscribedAt = subscribedAt;
        }

        @Override
        public Context context() {
            return downstream.context();
        }

        @Override
        public void onSubscribe(UniSubscription upstreamSubscription) {
            subscription = upstreamSubscription;
            downstream.onSubscribe(this);
        }

        @Override
        public void onItem(T item) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            try {
                end.at(subscribedAt, null, false);
            } catch (RuntimeException e) {
                downstream.onFailure(e);
                return;
            }
            downstream.onItem(item);
        }

        @Override
        public void onFailure(Throwable failure) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            Throwable passed;
            try {
                end.at(subscribedAt, failure, false);
                passed = translate.apply(failure);
            } catch (RuntimeException e) {
                e.addSuppressed(failure);
                passed = e;
            }
            downstream.onFailure(passed);
        }

        @Override
        public void cancel() {
            try {
                if (ended.compareAndSet(false, true)) {
                    end.at(subscribedAt, null, true);
                }
            } finally {
                UniSubscription upstreamSubscription = subscription;
                if (upstreamSubscription != null) {
                    upstreamSubscription.cancel();
                }
            }
        }
    }
}
