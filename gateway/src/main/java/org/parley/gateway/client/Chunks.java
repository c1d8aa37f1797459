package org.parley.gateway.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Splits an id set into backend-sized comma-separated chunks and calls them in parallel. */
final class Chunks {

    /** The services reject more ids than this in one request (see their READMEs). */
    static final int MAX_IDS = 500;

    private Chunks() {
    }

    /** Ids in first-seen order, each once, nulls dropped: a page that repeats an actor asks for it once. */
    static List<String> distinct(Collection<String> ids) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null) {
                unique.add(id);
            }
        }
        return List.copyOf(unique);
    }

    static <T> Uni<List<T>> call(Collection<String> ids, Function<String, Uni<T>> perChunk) {
        List<String> unique = distinct(ids);
        if (unique.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<T>> calls = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += MAX_IDS) {
            List<String> chunk = unique.subList(from, Math.min(unique.size(), from + MAX_IDS));
            calls.add(perChunk.apply(String.join(",", chunk)));
        }
        if (calls.size() == 1) {
            return calls.get(0).map(List::of);
        }
        return Uni.join().all(calls).andFailFast().map(results -> results.stream().filter(Objects::nonNull).toList());
    }
}
