package org.parley.common.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.problem.ApiException;
import org.parley.common.problem.Problem;

class ParamsTest {

    enum Kind { PERSON, STATE }

    private static Problem.Violation refusal(Runnable parse) {
        ApiException e = assertThrows(ApiException.class, parse::run);
        assertEquals(400, e.status());
        return e.toProblem().violations().get(0);
    }

    @Test
    void parsesUuidsAndNamesTheParameterOfAMalformedOne() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Params.uuid("id", " " + id + " "));
        Problem.Violation v = refusal(() -> Params.uuid("id", "not-a-uuid"));
        assertEquals("id", v.field());
        assertTrue(v.message().contains("'not-a-uuid' is not a UUID"), v.message());
        // UUID.fromString would accept this short form; a client would not expect it to.
        assertEquals("id", refusal(() -> Params.uuid("id", "1-1-1-1-1")).field());
        assertNull(Params.optionalUuid("parent", " "));
    }

    @Test
    void splitsRepeatedAndCommaSeparatedValuesDroppingBlanksAndRepeats() {
        assertEquals(List.of("a", "b", "c"), Params.split(List.of("a, b", "", "b,c,")));
        assertEquals(List.of(), Params.split(null));
    }

    @Test
    void refusesMoreIdsThanAllowed() {
        List<String> three = List.of(UUID.randomUUID() + "," + UUID.randomUUID() + "," + UUID.randomUUID());
        assertEquals(3, Params.uuids("ids", three, 3).size());
        assertTrue(refusal(() -> Params.uuids("ids", three, 2)).message().startsWith("at most 2 ids"));
    }

    @Test
    void parsesEnumsInAnyCaseAndListsTheAllowedValues() {
        assertEquals(List.of(Kind.PERSON, Kind.STATE), Params.enums("kind", List.of("person,STATE,Person"), Kind.class));
        assertEquals("'alien' is not one of the allowed values: PERSON, STATE",
                refusal(() -> Params.enumValue("kind", "alien", Kind.class)).message());
    }

    @Test
    void boundsWholeNumbersAndFallsBackWhenAbsent() {
        assertEquals(50, Params.intValue("limit", null, 50, 1, 100));
        assertEquals(7, Params.intValue("limit", "7", 50, 1, 100));
        assertEquals("must be a whole number from 1 to 100", refusal(() -> Params.intValue("limit", "0", 50, 1, 100)).message());
        assertEquals("must be a whole number from 1 to 100", refusal(() -> Params.intValue("limit", "ten", 50, 1, 100)).message());
        assertEquals(List.of(1, 4), Params.ints("quadClass", List.of("1,4,1"), 1, 4));
    }

    @Test
    void parsesDatesAndBooleans() {
        assertEquals(LocalDate.of(2025, 8, 15), Params.date("since", "2025-08-15"));
        assertEquals("since", refusal(() -> Params.date("since", "15.08.2025")).field());
        assertTrue(Params.bool("all", "TRUE", false));
        assertFalse(Params.bool("all", null, false));
        assertEquals("all", refusal(() -> Params.bool("all", "yes", false)).field());
    }

    @Test
    void refusesDatesOutsideYears1To9999() {
        assertEquals(LocalDate.of(1, 1, 1), Params.date("from", "0001-01-01"));
        assertEquals(LocalDate.of(9999, 12, 31), Params.date("to", "9999-12-31"));
        Problem.Violation ancient = refusal(() -> Params.date("from", "-5000-01-01"));
        assertEquals("from", ancient.field());
        assertEquals("must be a date from 0001-01-01 to 9999-12-31", ancient.message());
        assertEquals("to", refusal(() -> Params.date("to", "+10000-01-01")).field());
        assertEquals("from", refusal(() -> Params.date("from", "0000-12-31")).field());
    }

    @Test
    void returns400ForNulInText() {
        assertEquals("putin", Params.text("text", "  putin "));
        assertNull(Params.text("text", " "));
        Problem.Violation nul = refusal(() -> Params.text("text", "a\u0000b"));
        assertEquals("text", nul.field());
        assertEquals("must not contain the NUL character (U+0000)", nul.message());
    }
}
