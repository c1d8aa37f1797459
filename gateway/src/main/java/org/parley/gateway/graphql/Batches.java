package org.parley.gateway.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Shared plumbing of the batched {@code @Source List<…>} resolvers. */
final class Batches {

    private Batches() {
    }

    /**
     * Loads the values of all sources' keys in one call and answers, in source order, each source's
     * value (null when the backend does not know the key).
     */
    static <S, V, R> Uni<List<R>> one(List<S> sources, Function<S, String> keyOf,
            Function<Collection<String>, Uni<Map<String, V>>> load, Function<V, R> map) {
        List<String> keys = sources.stream().map(keyOf).filter(Objects::nonNull).toList();
        return guard(sources.size(), Uni.createFrom().deferred(() -> load.apply(keys)).map(byKey -> {
            List<R> results = new ArrayList<>(sources.size());
            for (S source : sources) {
                String key = keyOf.apply(source);
                V value = key == null ? null : byKey.get(key);
                results.add(value == null ? null : map.apply(value));
            }
            return results;
        }));
    }

    /** Like {@link #one} for list-valued fields: each source has several keys. */
    static <S, V, R> Uni<List<List<R>>> many(List<S> sources, Function<S, List<String>> keysOf,
            Function<Collection<String>, Uni<Map<String, V>>> load, Function<V, R> map) {
        List<String> keys = sources.stream().flatMap(s -> keysOf.apply(s).stream()).toList();
        return guard(sources.size(), Uni.createFrom().deferred(() -> load.apply(keys)).map(byKey -> {
            List<List<R>> results = new ArrayList<>(sources.size());
            for (S source : sources) {
                results.add(keysOf.apply(source).stream().map(byKey::get).filter(Objects::nonNull).map(map).toList());
            }
            return results;
        }));
    }

    /** Answers the whole batch from one map keyed by the source's key. */
    static <S, V, R> Uni<List<R>> grouped(List<S> sources, Function<S, String> keyOf,
            Function<Collection<String>, Uni<Map<String, V>>> load, BiFunction<S, V, R> map) {
        List<String> keys = sources.stream().map(keyOf).toList();
        return guard(sources.size(), Uni.createFrom().deferred(() -> load.apply(keys)).map(byKey -> {
            List<R> results = new ArrayList<>(sources.size());
            for (S source : sources) {
                results.add(map.apply(source, byKey.get(keyOf.apply(source))));
            }
            return results;
        }));
    }

    /**
     * A failed backend call must not fail the page, and must not add one error per row either. The
     * DataLoader completes each source's field from its element of the answer, and a Throwable element
     * fails only that field: so the first field carries the batch's single error (with its path) and the
     * others are plain nulls. The schema keeps these fields nullable for exactly this reason.
     */
    @SuppressWarnings("unchecked")
    static <R> Uni<List<R>> guard(int size, Uni<List<R>> batch) {
        return batch.onFailure().recoverWithItem(failure -> {
            List<Object> answer = new ArrayList<>(Collections.nCopies(size, null));
            if (size > 0) {
                answer.set(0, GatewayError.from(failure));
            }
            return (List<R>) answer;
        });
    }
}
