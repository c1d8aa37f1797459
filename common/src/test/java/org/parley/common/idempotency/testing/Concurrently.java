package org.parley.common.idempotency.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs one call on many threads released at the same instant, for races a test wants to provoke. */
public final class Concurrently {

    private Concurrently() {
    }

    /** @return each thread's result, once all have finished (at most a minute) */
    public static <T> List<T> run(int threads, Supplier<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> finished : calls) {
            results.add(finished.get());
        }
        return results;
    }
}
