package org.parley.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class GdeltLineParserTest {

    private static final List<String> SAMPLE = GdeltFiles.sample();
    /** The codes the sample uses stand in for the catalogue; "999" is not among them. */
    private static final Set<String> CODES = SAMPLE.stream().map(l -> GdeltFiles.columns(l)[26])
            .collect(Collectors.toSet());
    private static final String DALLAS = SAMPLE.stream().filter(l -> l.startsWith("881992818\t")).findFirst()
            .orElseThrow();

    private final GdeltLineParser auto = new GdeltLineParser(CODES, null);

    private static String with(String line, Consumer<String[]> change) {
        String[] c = GdeltFiles.columns(line);
        change.accept(c);
        return GdeltFiles.join(c);
    }

    private String reason(String line) {
        GdeltLineParser.Result r = auto.parse(line, 7);
        assertFalse(r.accepted(), "accepted: " + line);
        assertEquals(7, r.lineNumber());
        return r.reason();
    }

    @Test
    void parsesEveryRowOfTheRealSample() {
        for (int i = 0; i < SAMPLE.size(); i++) {
            GdeltLineParser.Result r = auto.parse(SAMPLE.get(i), i + 1);
            assertTrue(r.accepted(), "line " + (i + 1) + ": " + r.reason());
            assertEquals(GdeltFormat.V2_EXPORT, r.row().format());
        }
    }

    @Test
    void readsEveryColumnOfAGdelt2Row() {
        GdeltRow row = auto.parse(DALLAS, 3).row();
        assertEquals(3, row.lineNumber());
        assertEquals(881992818L, row.globalEventId());
        assertEquals("gdelt:881992818", row.externalId());
        assertEquals(LocalDate.of(2019, 10, 24), row.date());
        assertEquals(new GdeltRow.Actor("USA", "DALLAS", "USA", null, null, null, null), row.actor1());
        assertEquals(new GdeltRow.Actor("RUS", "RUSSIA", "RUS", null, null, null, null), row.actor2());
        assertTrue(row.rootEvent());
        assertEquals("180", row.eventCode());
        assertEquals(4, row.quadClass());
        assertEquals(-9.0, row.goldstein());
        assertEquals(new GdeltRow.Geo(3, "Dallas, Texas, United States", "US", "USTX", 32.7831, -96.8067, "1380944"),
                row.actionGeo());
        assertEquals(Instant.parse("2019-10-24T14:30:00Z"), row.dateAdded());
        assertTrue(row.sourceUrl().startsWith("https://www.timesrecordnews.com/"));
        String[] c = GdeltFiles.columns(DALLAS);
        assertEquals(Integer.parseInt(c[31]), row.numMentions());
        assertEquals(Integer.parseInt(c[32]), row.numSources());
        assertEquals(Integer.parseInt(c[33]), row.numArticles());
        assertEquals(Double.parseDouble(c[34]), row.avgTone());
    }

    @Test
    void readsTheGdelt1DailyLayoutOf58Columns() {
        GdeltRow v2 = auto.parse(DALLAS, 1).row();
        GdeltRow row = auto.parse(GdeltFiles.toV1Daily(DALLAS), 1).row();
        assertEquals(GdeltFormat.V1_DAILY, row.format());
        assertEquals(v2.actionGeo(), row.actionGeo());
        assertEquals(v2.actor1(), row.actor1());
        assertEquals(Instant.parse("2019-10-24T00:00:00Z"), row.dateAdded());
        assertEquals(v2.sourceUrl(), row.sourceUrl());
    }

    @Test
    void readsTheGdelt1BackFileLayoutOf57Columns() {
        GdeltRow row = auto.parse(GdeltFiles.toV1Backfile(DALLAS), 1).row();
        assertEquals(GdeltFormat.V1_BACKFILE, row.format());
        assertEquals(auto.parse(DALLAS, 1).row().actionGeo(), row.actionGeo());
        assertEquals(Instant.parse("2019-10-24T00:00:00Z"), row.dateAdded());
        assertNull(row.sourceUrl());
    }

    @Test
    void aCarriageReturnBeforeTheLineBreakIsNotPartOfTheUrl() {
        assertEquals(auto.parse(DALLAS, 1).row().sourceUrl(), auto.parse(DALLAS + "\r", 1).row().sourceUrl());
    }

    @Test
    void blankOptionalPartsAreNull() {
        GdeltRow row = auto.parse(with(DALLAS, c -> {
            for (int i = 5; i < 15; i++) {
                c[i] = "";
            }
            c[51] = "0";
            c[60] = "";
        }), 1).row();
        assertNull(row.actor1());
        assertNull(row.actionGeo());
        assertNull(row.sourceUrl());
    }

    @Test
    void aForcedFormatRejectsLinesOfAnother() {
        GdeltLineParser v2 = new GdeltLineParser(CODES, GdeltFormat.V2_EXPORT);
        assertTrue(v2.parse(DALLAS, 1).accepted());
        assertEquals("wrong column count: 58 (format v2 needs 61)", v2.parse(GdeltFiles.toV1Daily(DALLAS), 1).reason());
        GdeltLineParser back = new GdeltLineParser(CODES, GdeltFormat.fromParameter("v1-backfile").orElseThrow());
        assertEquals("wrong column count: 61 (format v1-backfile needs 57)", back.parse(DALLAS, 1).reason());
    }

    @Test
    void formatParameterNamesAreCheckedAndAutoDetects() {
        assertTrue(GdeltFormat.fromParameter("auto").isEmpty());
        assertTrue(GdeltFormat.fromParameter(null).isEmpty());
        assertEquals(GdeltFormat.V1_DAILY, GdeltFormat.fromParameter("v1-daily").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> GdeltFormat.fromParameter("v3"));
    }

    @Test
    void rejectsEmptyLinesAndWrongColumnCounts() {
        assertEquals("empty line", reason(""));
        assertEquals("empty line", reason("   "));
        assertEquals("wrong column count: 60 (expected 61 for GDELT 2.0, 58 or 57 for GDELT 1.0)",
                reason(DALLAS.substring(0, DALLAS.lastIndexOf('\t'))));
        assertEquals("wrong column count: 1 (expected 61 for GDELT 2.0, 58 or 57 for GDELT 1.0)", reason("garbage"));
    }

    @Test
    void rejectsBadIdsDatesAndCodes() {
        assertEquals("unparsable GLOBALEVENTID: '12x'", reason(with(DALLAS, c -> c[0] = "12x")));
        assertEquals("GLOBALEVENTID must be positive: '0'", reason(with(DALLAS, c -> c[0] = "0")));
        assertEquals("unparsable SQLDATE: '20191345'", reason(with(DALLAS, c -> c[1] = "20191345")));
        assertEquals("unparsable SQLDATE: '2019-10-24'", reason(with(DALLAS, c -> c[1] = "2019-10-24")));
        assertEquals("EventCode is empty", reason(with(DALLAS, c -> c[26] = " ")));
        assertEquals("unknown event code '999'", reason(with(DALLAS, c -> c[26] = "999")));
        assertEquals("unparsable DATEADDED: '2019102414'", reason(with(DALLAS, c -> c[59] = "2019102414")));
        assertEquals("unparsable DATEADDED: '20191324'",
                reason(with(GdeltFiles.toV1Daily(DALLAS), c -> c[56] = "20191324")));
    }

    @Test
    void rejectsUnparsableNumbers() {
        assertEquals("unparsable QuadClass: 'four'", reason(with(DALLAS, c -> c[29] = "four")));
        assertEquals("unparsable GoldsteinScale: 'NaN'", reason(with(DALLAS, c -> c[30] = "NaN")));
        assertEquals("unparsable NumMentions: '1.5'", reason(with(DALLAS, c -> c[31] = "1.5")));
        assertEquals("unparsable NumSources: 'x'", reason(with(DALLAS, c -> c[32] = "x")));
        assertEquals("unparsable NumArticles: 'x'", reason(with(DALLAS, c -> c[33] = "x")));
        assertEquals("unparsable AvgTone: 'Infinity'", reason(with(DALLAS, c -> c[34] = "Infinity")));
    }

    @Test
    void rejectsBadActionGeography() {
        assertEquals("unparsable ActionGeo_Type: 'city'", reason(with(DALLAS, c -> c[51] = "city")));
        assertEquals("ActionGeo_Type must be 0 to 5: '7'", reason(with(DALLAS, c -> c[51] = "7")));
        assertEquals("unparsable ActionGeo_Lat: 'north'", reason(with(DALLAS, c -> c[56] = "north")));
        assertEquals("unparsable ActionGeo_Long: '-'", reason(with(DALLAS, c -> c[57] = "-")));
        assertEquals("ActionGeo coordinates out of range: 95.0,-96.8067", reason(with(DALLAS, c -> c[56] = "95")));
        assertEquals("ActionGeo_FullName is longer than 300 characters", reason(with(DALLAS, c -> c[52] = "x".repeat(301))));
        assertEquals("ActionGeo_FeatureID is longer than 200 characters", reason(with(DALLAS, c -> c[58] = "1".repeat(201))));
    }

    @Test
    void rejectsActorNamesLongerThanActorsServiceTakes() {
        assertEquals("Actor1Name is longer than 300 characters", reason(with(DALLAS, c -> c[6] = "A".repeat(301))));
        assertEquals("Actor2Name is longer than 300 characters", reason(with(DALLAS, c -> c[16] = "A".repeat(301))));
    }
}
