package org.parley.events.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The bundled GDELT files and the one correction step, without the service. */
class CameoCatalogueTest {

    private final Map<String, CameoCatalogue.Entry> byCode = CameoCatalogue.load().stream()
            .collect(Collectors.toMap(CameoCatalogue.Entry::code, Function.identity()));

    @Test
    void correctsTheMojibakeOf044() {
        assertEquals("Meet at a 'third' location", byCode.get("044").name());
        assertEquals(2.5, byCode.get("044").goldstein());
    }

    @Test
    void splits106OffThe1056Line() {
        CameoCatalogue.Entry demandWithdrawal = byCode.get("106");
        assertEquals("Demand withdrawal", demandWithdrawal.name());
        assertEquals(-5.0, demandWithdrawal.goldstein());
        assertEquals("10", demandWithdrawal.rootCode());
        assertEquals(3, demandWithdrawal.quadClass());
        assertEquals("Demand de-escalation of military engagement", byCode.get("1056").name());
    }

    @Test
    void loadsEveryRowOfTheFilesPlusTheSplitCode() {
        // 310 data rows in each file, plus 106
        assertEquals(311, byCode.size());
        assertFalse(byCode.values().stream().anyMatch(e -> e.name().matches(".*\\d{3}:\\[.*")));
    }

    @Test
    void derivesRootAndQuadClassFromTheCode() {
        assertEquals(1, byCode.get("057").quadClass());
        assertEquals(2, byCode.get("061").quadClass());
        assertEquals(2, byCode.get("0874").quadClass());
        assertEquals("09", byCode.get("090").rootCode());
        assertEquals(2, byCode.get("090").quadClass());
        assertEquals(3, byCode.get("112").quadClass());
        assertEquals(4, byCode.get("190").quadClass());
        assertEquals(-10.0, byCode.get("20").goldstein());
        assertEquals(List.of(1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4),
                java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> CameoCatalogue.quadClassOf(String.format("%02d", i))).toList());
        assertThrows(IllegalArgumentException.class, () -> CameoCatalogue.quadClassOf("21"));
    }

    @Test
    void leavesAlreadyCorrectRowsAlone() {
        Map<String, String> names = new LinkedHashMap<>(Map.of("044", "Meet at a 'third' location",
                "1056", "Demand de-escalation of military engagement", "106", "Demand withdrawal"));
        Map<String, Double> weights = new LinkedHashMap<>(Map.of("044", 2.5, "1056", -5.0, "106", -5.0));
        CameoCatalogue.correctUpstreamDefects(names, weights);
        assertEquals(Map.of("044", "Meet at a 'third' location", "1056", "Demand de-escalation of military engagement",
                "106", "Demand withdrawal"), names);
    }
}
