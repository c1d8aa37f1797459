package org.parley.common.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.parley.common.problem.ApiException;

class VersionsTest {

    @Test
    void takesTheVersionFromTheBodyOrFromIfMatchInAnyAcceptedForm() {
        assertEquals(3, Versions.required(3L, null));
        assertEquals(3, Versions.required(null, "\"3\""));
        assertEquals(3, Versions.required(null, "W/\"3\""));
        assertEquals(3, Versions.required(null, "3"));
        assertEquals(3, Versions.required(3L, "\"3\""));
    }

    @Test
    void refusesABodyVersionThatDisagreesWithIfMatchWith400() {
        ApiException e = assertThrows(ApiException.class, () -> Versions.required(2L, "\"3\""));
        assertEquals(400, e.status());
        assertEquals("version", e.toProblem().violations().get(0).field());
    }

    @Test
    void answersAMissingVersionWith428() {
        assertEquals(428, assertThrows(ApiException.class, () -> Versions.required(null, " ")).status());
        assertNull(Versions.expected(null, null));
    }

    @Test
    void refusesAMalformedIfMatchWith400NamingTheHeader() {
        for (String tag : new String[] {"yesterday", "\"-1\"", "*"}) {
            ApiException e = assertThrows(ApiException.class, () -> Versions.ifMatch(tag));
            assertEquals(400, e.status());
            assertEquals("If-Match", e.toProblem().violations().get(0).field());
        }
    }
}
