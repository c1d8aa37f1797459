package org.parley.common.fuzz;

import java.util.SplittableRandom;

/**
 * Runs a fuzz: case {@code i} of a run draws its value from a random source derived from the seed
 * and {@code i} alone, so any case can be replayed exactly, by itself, from the two numbers every
 * failure message names. {@code -Dparley.fuzz.seed=N} picks another seed (the default is fixed, so
 * a build is repeatable), {@code -Dparley.fuzz.cases=N} runs more or fewer cases and
 * {@code -Dparley.fuzz.case=I} runs only case I.
 */
public final class Fuzz {

    /** Issue 15, where the fuzz began; any fixed number would do. */
    public static final long DEFAULT_SEED = 15;

    private Fuzz() {
    }

    public static long seed() {
        return Long.getLong("parley.fuzz.seed", DEFAULT_SEED);
    }

    public static int cases(int defaultCases) {
        return Integer.getInteger("parley.fuzz.cases", defaultCases);
    }

    /** The random source of case {@code index}: independent of every other case's. */
    public static SplittableRandom random(long seed, int index) {
        // SplittableRandom(s) and SplittableRandom(s + k * gamma) are one sequence shifted by k, so
        // neighbouring cases get a hashed seed, not seed + index
        return new SplittableRandom(new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L))).nextLong());
    }

    /** Whether {@code -Dparley.fuzz.case} asks for one case alone (then a run proves no coverage). */
    public static boolean replayingOneCase() {
        return Integer.getInteger("parley.fuzz.case") != null;
    }

    /** What a failure message names: enough to replay the case. */
    public static String label(int index) {
        return "[seed " + seed() + ", case " + index + "; replay with -Dparley.fuzz.seed=" + seed()
                + " -Dparley.fuzz.case=" + index + "]";
    }

    /** A fuzz body; it fails by throwing. */
    @FunctionalInterface
    public interface Body<T> {
        void run(int index, T value) throws Exception;
    }

    /**
     * Runs {@code body} on {@link #cases(int)} generated values (or only on case
     * {@code parley.fuzz.case}); the first failure stops the run, its message prefixed with the
     * {@link #label(int) seed and case}.
     */
    public static <T> void forEachCase(Gen<T> gen, int defaultCases, Body<? super T> body) {
        long seed = seed();
        Integer only = Integer.getInteger("parley.fuzz.case");
        int from = only == null ? 0 : only;
        int to = only == null ? cases(defaultCases) : only + 1;
        for (int i = from; i < to; i++) {
            T value = gen.next(random(seed, i));
            try {
                body.run(i, value);
            } catch (Exception | AssertionError e) {
                throw new AssertionError(label(i) + " " + e.getMessage(), e);
            }
        }
    }
}
