package org.parley.gateway.loaders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.Try;
import org.parley.gateway.graphql.GatewayError;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * A backend resource by key, loaded for all keys of one nesting level at once (see the package doc).
 * Subclasses only say how to fetch many keys in one call.
 */
public abstract class KeyedLoader<K, V> {

    private final String name = getClass().getName();

    /**
     * The values of {@code keys} (distinct, in first-asked order) in one backend call; keys the backend does
     * not know are absent from the map.
     */
    protected abstract Uni<Map<K, V>> loadAll(List<K> keys);

    /**
     * The value of one key, null when unknown; a null key is null without a call. {@code field} is the
     * resolver's SmallRye context: call this in the resolver's body, while it holds the field.
     */
    public Uni<V> load(Context field, K key) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        // load() queues the key now, while graphql-java walks this level; the Uni only waits.
        return Uni.createFrom().completionStage(loader(field).load(key));
    }

    /** The known values of several keys, in key order, unknown ones left out. */
    public Uni<List<V>> loadMany(Context field, List<K> keys) {
        if (keys == null || keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().completionStage(loader(field).loadMany(keys))
                .map(values -> values.stream().filter(Objects::nonNull).toList());
    }

    private DataLoader<K, V> loader(Context field) {
        // The registry is the request's own (SmallRye makes one per execution): nothing is shared.
        DataLoader<K, V> loader = field.unwrap(DataFetchingEnvironment.class).getDataLoaderRegistry()
                .computeIfAbsent(name, ignored -> {
                    Holder<K, V> holder = new Holder<>();
                    holder.loader = DataLoaderFactory.newDataLoader((BatchLoader<K, V>) keys -> batch(keys, holder));
                    return holder.loader;
                });
        openTurn(loader);
        return loader;
    }

    /** The request's loader, for the end of the turn to dispatch what graphql-java has not dispatched yet. */
    private static final class Holder<K, V> {
        DataLoader<K, V> loader;
    }

    /**
     * java-dataloader takes one value per key, in key order; a {@link Try} fails only its key. So a failed
     * call fails the first key (one error, with that field's path) and leaves the other keys null: the
     * schema keeps these fields nullable for exactly this reason.
     */
    @SuppressWarnings("unchecked")
    private CompletionStage<List<V>> batch(List<K> keys, Holder<K, V> holder) {
        return inTurn(keys, holder.loader).map(byKey -> {
            List<Object> values = new ArrayList<>(keys.size());
            for (K key : keys) {
                values.add(byKey.get(key));
            }
            return values;
        }).onFailure().recoverWithItem(failure -> {
            List<Object> values = new ArrayList<>(Collections.nCopies(keys.size(), null));
            if (!keys.isEmpty() && !(failure instanceof AlreadyReported)) {
                values.set(0, Try.failed(GatewayError.from(failure)));
            }
            return values;
        }).map(values -> (List<V>) (List<?>) values).subscribeAsCompletionStage();
    }

    /**
     * graphql-java dispatches a level's loaders when it believes the level complete, and on wide levels it
     * may do so before every field of the level has asked (the rest then waits for the next level's
     * dispatch: a second call). So the loader also batches by event-loop task: every key asked during one
     * task of the request joins one pending call, sent when the task is over — after dispatching whatever
     * graphql-java has not dispatched yet. The pending call lives in the request's duplicated Vert.x
     * context (never shared between requests); off an event loop, graphql-java's dispatch alone decides.
     */
    private Turn<K, V> openTurn(DataLoader<K, V> loader) {
        io.vertx.core.Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        Turn<K, V> turn = ContextLocals.<Turn<K, V>> get(name).orElse(null);
        if (turn == null) {
            Turn<K, V> opened = new Turn<>();
            ContextLocals.put(name, opened);
            context.runOnContext(ignored -> {
                loader.dispatch(); // its batch joins this turn
                ContextLocals.remove(name);
                if (opened.keys.isEmpty()) {
                    opened.result.complete(Map.of());
                    return;
                }
                Uni.createFrom().deferred(() -> loadAll(List.copyOf(opened.keys))).subscribe()
                        .with(opened.result::complete, opened.result::completeExceptionally);
            });
            turn = opened;
        }
        return turn;
    }

    private Uni<Map<K, V>> inTurn(List<K> keys, DataLoader<K, V> loader) {
        Turn<K, V> turn = openTurn(loader);
        if (turn == null) {
            return Uni.createFrom().deferred(() -> loadAll(keys));
        }
        turn.keys.addAll(keys);
        // One error per failed call: the first batch of the turn to see the failure reports it.
        return Uni.createFrom().completionStage(turn.result).onFailure()
                .transform(failure -> turn.reported.compareAndSet(false, true) ? failure : new AlreadyReported());
    }

    private static final class Turn<K, V> {
        final Set<K> keys = new LinkedHashSet<>();
        final CompletableFuture<Map<K, V>> result = new CompletableFuture<>();
        final AtomicBoolean reported = new AtomicBoolean();
    }

    /** A failure another batch of the same call has already reported. */
    private static final class AlreadyReported extends RuntimeException {
        AlreadyReported() {
            super(null, null, false, false);
        }
    }
}
