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
import org.parley.gateway.graphql.UniFutures;

import graphql.schema.DataFetchingEnvironment;
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
    private final BatchLoader<K, V> batch = this::batch;

    /**
     * The values of {@code keys} (distinct, in first-asked order) in one backend call; keys the backend does
     * not know are absent from the map.
     */
    protected abstract Uni<Map<K, V>> loadAll(List<K> keys);

    /**
     * The value of one key, null when unknown; a null key is null without a call. {@code field} is the
     * environment of the field being fetched: the key is queued at once, while graphql-java walks this level,
     * and the future is the DataLoader's own (no wrapper per field: see graphql/LoaderFetchers).
     */
    public CompletableFuture<V> load(DataFetchingEnvironment field, K key) {
        if (key == null) {
            return CompletableFuture.completedFuture(null);
        }
        return loader(field).load(key);
    }

    /** The known values of several keys, in key order, unknown ones left out. */
    public CompletableFuture<List<V>> loadMany(DataFetchingEnvironment field, List<K> keys) {
        if (keys == null || keys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return loader(field).loadMany(keys).thenApply(values -> values.stream().filter(Objects::nonNull).toList());
    }

    private DataLoader<K, V> loader(DataFetchingEnvironment field) {
        // The registry is the request's own (RequestRegistry makes one per execution): nothing is shared.
        return field.getDataLoaderRegistry().computeIfAbsent(name, ignored -> DataLoaderFactory.newDataLoader(batch));
    }

    /**
     * java-dataloader takes one value per key, in key order; a {@link Try} fails only its key. So a failed
     * call fails the first key (one error, with that field's path) and leaves the other keys null: the
     * schema keeps these fields nullable for exactly this reason.
     */
    @SuppressWarnings("unchecked")
    private CompletionStage<List<V>> batch(List<K> keys) {
        return UniFutures.of(inTurn(keys), byKey -> {
            List<V> values = new ArrayList<>(keys.size());
            for (K key : keys) {
                values.add(byKey.get(key));
            }
            return values;
        }, failure -> {
            List<Object> values = new ArrayList<>(Collections.nCopies(keys.size(), null));
            if (!keys.isEmpty() && !(failure instanceof AlreadyReported)) {
                values.set(0, Try.failed(GatewayError.from(failure)));
            }
            return (List<V>) (List<?>) values;
        });
    }

    /**
     * graphql-java may dispatch one level's loaders more than once while it walks that level (it dispatches
     * as soon as the part of the level it has seen is complete). Every batch handed over during one task of
     * the request's event loop joins one pending call, sent when the task is over, so a level stays one
     * call. The pending call lives in the request's duplicated Vert.x context (never shared between
     * requests); off an event loop a batch is its own call.
     */
    private Uni<Map<K, V>> inTurn(List<K> keys) {
        io.vertx.core.Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Uni.createFrom().deferred(() -> loadAll(keys));
        }
        Turn<K, V> turn = ContextLocals.<Turn<K, V>> get(name).orElse(null);
        if (turn == null) {
            Turn<K, V> opened = new Turn<>();
            ContextLocals.put(name, opened);
            context.runOnContext(ignored -> {
                ContextLocals.remove(name);
                Uni.createFrom().deferred(() -> loadAll(List.copyOf(opened.keys))).subscribe()
                        .with(opened.result::complete, opened.result::completeExceptionally);
            });
            turn = opened;
        }
        turn.keys.addAll(keys);
        Turn<K, V> joined = turn;
        // One error per failed call: the first batch of the turn to see the failure reports it.
        return Uni.createFrom().completionStage(joined.result).onFailure()
                .transform(failure -> joined.reported.compareAndSet(false, true) ? failure : new AlreadyReported());
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
