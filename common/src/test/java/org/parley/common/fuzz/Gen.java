package org.parley.common.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

/**
 * A generator of test values: a function of a seeded random source, so that a case is fully
 * determined by its seed (see {@link Fuzz}). Combine generators by calling {@code next} inside a
 * lambda, in a fixed order. Edge values (bounds, zero, the extremes of a type) come up far more
 * often than uniform sampling would make them, as they are where input handling breaks.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    /** A list of {@code min..max} items (inclusive); items may be null if this generator yields null. */
    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int size = between(r, min, max);
            List<T> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(next(r));
            }
            return out;
        };
    }

    /** A weighted choice for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    /** One of {@code values}, uniformly; the list may hold nulls if built with {@code Arrays.asList}. */
    static <T> Gen<T> of(List<T> values) {
        List<T> copy = new ArrayList<>(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return r -> copy.get(r.nextInt(copy.size())).next(r);
    }

    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Weighted<? extends T> choice : copy) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().next(r);
                }
            }
            throw new IllegalStateException("weights changed");
        };
    }

    /** An int in {@code min..max} (inclusive), one time in eight a bound or the value next to it. */
    static Gen<Integer> ints(int min, int max) {
        return r -> {
            if (r.nextInt(8) == 0) {
                long[] edges = {min, max, Math.min((long) min + 1, max), Math.max((long) max - 1, min)};
                return (int) edges[r.nextInt(edges.length)];
            }
            return (int) r.nextLong(min, (long) max + 1);
        };
    }

    /** Any int, often an extreme. */
    static Gen<Integer> ints() {
        return frequency(weight(1, of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1)),
                weight(3, r -> r.nextInt()), weight(2, r -> r.nextInt(-1000, 1001)));
    }

    /** Any long, often an extreme. */
    static Gen<Long> longs() {
        return frequency(weight(1, of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L, (long) Integer.MAX_VALUE + 1)),
                weight(3, r -> r.nextLong()), weight(2, r -> r.nextLong(-1000, 1001)));
    }

    /** Any finite double: extremes, small decimals and arbitrary bit patterns. */
    static Gen<Double> doubles() {
        return frequency(weight(1, of(0.0, -0.0, 1.0, -1.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
                        Double.MIN_NORMAL)),
                weight(2, r -> (r.nextDouble() - 0.5) * 2000),
                weight(2, r -> {
                    double d;
                    do {
                        d = Double.longBitsToDouble(r.nextLong());
                    } while (!Double.isFinite(d));
                    return d;
                }));
    }

    /** Any UTF-16 unit, weighted towards the hostile: NUL and controls, lone surrogates, non-ASCII. */
    static Gen<Character> anyChar() {
        return frequency(weight(4, charRange(' ', '~')), weight(2, charRange('\u0000', '\u001f')),
                weight(1, of('\u0000', '\u007f', '\u00a0', '\u202e', '\ufeff', '\uffff', '\ufffe')),
                weight(1, charRange('\ud800', '\udfff')), weight(2, charRange('\u0080', '\uffff')));
    }

    static Gen<Character> charRange(char from, char to) {
        return r -> (char) r.nextInt(from, to + 1);
    }

    /** One of the characters of {@code chars}. */
    static Gen<Character> chars(String chars) {
        return r -> chars.charAt(r.nextInt(chars.length()));
    }

    static Gen<Character> alpha() {
        return chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    }

    /** Text of {@code minLength..maxLength} characters (inclusive) drawn from {@code chars}. */
    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        return r -> {
            int length = between(r, minLength, maxLength);
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(chars.next(r).charValue());
            }
            return out.toString();
        };
    }

    /** A random (version 4) UUID, from the seed rather than from the JVM's secure random. */
    static Gen<UUID> uuids() {
        return r -> new UUID((r.nextLong() & ~0xf000L) | 0x4000L, (r.nextLong() & ~(3L << 62)) | (2L << 62));
    }

    /** A size in {@code min..max}, the bounds more often than the middle (empty and full lists matter). */
    private static int between(SplittableRandom r, int min, int max) {
        if (min == max) {
            return min;
        }
        int pick = r.nextInt(6);
        return pick == 0 ? min : pick == 1 ? max : r.nextInt(min, max + 1);
    }
}
