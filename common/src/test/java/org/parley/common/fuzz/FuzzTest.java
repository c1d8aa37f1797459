package org.parley.common.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FuzzTest {

    private static final Gen<String> BODIES = FuzzValues.body(FuzzValues.object(FuzzValues.fields(
            "name", FuzzValues.field(FuzzValues.quoted(FuzzValues.bodyTexts())),
            "start", FuzzValues.field(FuzzValues.quoted(FuzzValues.dates())),
            "items", FuzzValues.field(FuzzValues.arrayOf(FuzzValues.numbers(), 3)))));

    @Test
    void generatesACaseFromTheSeedAndItsIndexAlone() {
        List<Integer> indexes = new ArrayList<>();
        List<String> run = new ArrayList<>();
        Fuzz.forEachCase(BODIES, 50, (index, body) -> {
            indexes.add(index);
            run.add(body);
        });
        assertTrue(run.size() > 1);
        for (int i = 0; i < run.size(); i++) {
            assertEquals(run.get(i), BODIES.next(Fuzz.random(Fuzz.seed(), indexes.get(i))), "case " + indexes.get(i));
        }
        assertNotEquals(run.get(1), BODIES.next(Fuzz.random(Fuzz.seed() + 1, indexes.get(1))));
        assertNotEquals(run.get(0), run.get(1));
    }

    @Test
    void namesTheSeedAndCaseOfTheFirstFailingCase() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Fuzz.forEachCase(Gen.ints(0, 9), 1000,
                (index, n) -> assertTrue(index < 3, "refused " + n)));
        assertTrue(failure.getMessage().startsWith("[seed " + Fuzz.seed() + ", case 3; replay with -Dparley.fuzz.seed="
                + Fuzz.seed() + " -Dparley.fuzz.case=3] refused "), failure.getMessage());
    }

    @Test
    void reachesTheHostileValuesItPromises() {
        List<String> texts = Gen.strings(Gen.anyChar(), 0, 30).list(2000, 2000).next(Fuzz.random(Fuzz.seed(), 0));
        assertTrue(texts.stream().anyMatch(t -> t.indexOf('\u0000') >= 0), "NUL");
        assertTrue(texts.stream().anyMatch(t -> t.chars().anyMatch(c -> Character.isSurrogate((char) c))), "surrogates");
        assertTrue(texts.contains(""), "empty text");
        List<Integer> ints = Gen.ints().list(2000, 2000).next(Fuzz.random(Fuzz.seed(), 1));
        assertTrue(ints.contains(Integer.MIN_VALUE) && ints.contains(Integer.MAX_VALUE), "int extremes");
        List<String> huge = FuzzValues.bodyTexts().list(2000, 2000).next(Fuzz.random(Fuzz.seed(), 2));
        assertTrue(huge.stream().anyMatch(t -> t.length() > 10_000), "huge text");
    }
}
