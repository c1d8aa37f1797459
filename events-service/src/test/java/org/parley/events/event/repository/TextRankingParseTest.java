package org.parley.events.event.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the text form of websearch_to_tsquery's output is read (TextRanking). */
class TextRankingParseTest {

    private static TextRanking.Parsed parse(String q) {
        return TextRanking.parse(q);
    }

    @Test
    void wordsPhrasesAndExclusions() {
        assertEquals(List.of("sanction"), parse("'sanction'").required());
        assertEquals(List.of("sanction", "talk"), parse("'sanction' & 'talk'").required());
        assertEquals(List.of("secur", "humanitarian"), parse("'secur' <-> 'humanitarian'").required());
        TextRanking.Parsed not = parse("'sanction' & !'ceasefir'");
        assertEquals(List.of("sanction"), not.required());
        assertTrue(not.conjunctive());
        assertFalse(not.empty());
        assertEquals(List.of("c"), parse("!( 'a' <-> 'b' ) & 'c'").required());
        assertEquals(List.of("a"), parse("'a' <-> 'a'").required(), "a word once");
        assertEquals(List.of(), parse("").required());
        assertEquals(List.of(), parse("!'a'").required());
    }

    @Test
    void anOrIsRankedByTheWholeQuery() {
        TextRanking.Parsed or = parse("'a' | 'b'");
        assertFalse(or.conjunctive());
        assertNull(or.plan(TextRanking.Stats.NONE).lead());
        assertNull(parse("!'a'").plan(TextRanking.Stats.NONE).lead(), "nothing required: nothing to lead");
    }

    @Test
    void aWordBothRequiredAndExcludedMatchesNothing() {
        assertTrue(parse("'sanction' & !'sanction'").empty());
        assertTrue(parse("'a' <-> 'b' & !'a'").empty());
        assertFalse(parse("'a' & !( 'a' <-> 'b' )").empty(), "the phrase may be absent while a is there");
        assertFalse(parse("'a' & !'b' <-> 'a'").empty(), "a phrase with a negated operand excludes no word");
        assertFalse(parse("'a' | !'a'").empty());
    }

    @Test
    void quotedLexemes() {
        assertEquals(List.of("it's", "a\\b"), parse("'it''s' & 'a\\\\b'").required());
        assertEquals(List.of("x"), parse("'x':* & !'y':AB").required());
        assertEquals("'it''s'", TextRanking.lexemeQuery("it's"));
        assertEquals("'a\\\\b'", TextRanking.lexemeQuery("a\\b"));
    }

    private static TextRanking.Stats stats(Map<String, Float> f) {
        return new TextRanking.Stats(1_000_000, f, f.values().stream().min(Float::compare).orElse(0f));
    }

    @Test
    void theRarestRequiredWordLeadsTiesToTheFirst() {
        TextRanking.Parsed p = parse("'sanction' <-> 'corridor' & 'talk'");
        assertEquals("corridor", p.plan(stats(Map.of("sanction", 0.87f, "corridor", 0.07f, "talk", 0.3f))).lead());
        assertEquals("corridor", p.plan(stats(Map.of("sanction", 0.87f, "corridor", 0.07f))).lead(),
                "unlisted: as common as the rarest listed at most, the first of equals leads");
        assertEquals("talk", p.plan(stats(Map.of("sanction", 0.87f, "corridor", 0.07f, "x", 0.001f))).lead());
        assertEquals("sanction", p.plan(TextRanking.Stats.NONE).lead());
        TextRanking.Plan plan = p.plan(TextRanking.Stats.NONE);
        assertEquals("talk", plan.ledBy("talk").lead(), "a cursor's lead is kept");
        assertEquals("sanction", plan.ledBy("other").lead(), "unless it is not a required word");
    }

    @Test
    void aPageIsReadAlongTheLeadUnlessTheWordsTogetherAreRare() {
        Map<String, Float> f = Map.of("sanction", 0.87f, "nuclear", 0.36f, "infrastructur", 0.014f, "ambassador", 0.055f,
                "flood", 0.011f);
        assertTrue(parse("'sanction'").plan(stats(f)).walk(), "one word: its range is its matches");
        assertTrue(parse("'flood' & !'sanction'").plan(stats(f)).walk());
        assertTrue(parse("'nuclear' <-> 'infrastructur'").plan(stats(f)).walk(), "~500 matches in 14,000: ~600 read");
        assertFalse(parse("'ambassador' <-> 'flood'").plan(stats(f)).walk(), "~600 events hold both: GIN");
        assertTrue(parse("'sanction' & 'nuclear'").plan(stats(f)).walk());
        assertTrue(parse("'ambassador' <-> 'flood'").plan(TextRanking.Stats.NONE).walk(), "no statistics: walk");
    }
}
