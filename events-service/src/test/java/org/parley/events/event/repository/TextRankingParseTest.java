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

    private static List<TextRanking.Pair> pairs(String q) {
        return parse(q).pairs();
    }

    private static TextRanking.Pair pair(String first, String second) {
        return new TextRanking.Pair(first, second);
    }

    @Test
    void thePairsOfAPhraseAreItsRequiredAdjacentWords() {
        assertEquals(List.of(pair("secur", "humanitarian")), pairs("'secur' <-> 'humanitarian'"));
        assertEquals(List.of(pair("a", "b"), pair("b", "c")), pairs("'a' <-> 'b' <-> 'c'"), "three words: two pairs");
        assertEquals(List.of(pair("a", "a")), pairs("'a' <-> 'a'"));
        assertEquals(List.of(pair("a", "b")), pairs("'a' <1> 'b'"));
        assertEquals(List.of(), pairs("'end' <3> 'talk'"), "stop words between: not adjacent");
        assertEquals(List.of(pair("y", "z")), pairs("'x' <2> 'y' <-> 'z'"));
        assertEquals(List.of(pair("a", "b")), pairs("'a' <-> 'b' & !'c'"));
        assertEquals(List.of(pair("b", "c")), pairs("'a' & 'b' <-> 'c'"));
        assertEquals(List.of(), pairs("!( 'x' <-> 'y' ) & 'z'"), "an excluded phrase");
        assertEquals(List.of(), pairs("'a' <-> !'b'"), "a negated operand");
        assertEquals(List.of(), pairs("!'a' <-> 'b'"));
        assertEquals(List.of(), pairs("'a' & 'b'"));
        assertEquals(List.of(pair("well-known", "well"), pair("well", "known"), pair("known", "fact")),
                pairs("'well-known' <-> 'well' <-> 'known' <-> 'fact'"));
    }

    @Test
    void aPhraseLedByOneOfItsWordsIsReadAlongThePairWithItsRarestNeighbour() {
        Map<String, Float> f = Map.of("sanction", 0.87f, "nuclear", 0.36f, "infrastructur", 0.014f, "ambassador", 0.055f,
                "flood", 0.011f, "talk", 0.3f);
        TextRanking.Plan two = parse("'nuclear' <-> 'infrastructur'").plan(stats(f));
        assertEquals("infrastructur", two.lead(), "the lead is still the rarest word: the same ranking");
        assertEquals(pair("nuclear", "infrastructur"), two.pair());
        assertFalse(two.leadFirst(), "ordered by the second word's score");
        assertEquals(pair("ambassador", "flood"), parse("'ambassador' <-> 'flood'").plan(stats(f)).pair(),
                "even where GIN is chosen over the word's range: the pair is a part of its matches");
        TextRanking.Plan three = parse("'sanction' <-> 'infrastructur' <-> 'nuclear'").plan(stats(f));
        assertEquals(pair("infrastructur", "nuclear"), three.pair(), "the lead's rarer neighbour");
        assertTrue(three.leadFirst());
        assertNull(parse("'sanction' <-> 'nuclear' & 'flood'").plan(stats(f)).pair(), "the lead is in no pair");
        assertNull(parse("'nuclear' <2> 'infrastructur'").plan(stats(f)).pair());
        assertEquals(pair("nuclear", "infrastructur"), parse("'nuclear' <-> 'infrastructur'").plan(TextRanking.Stats.NONE).pair(),
                "no statistics: the pair");
        TextRanking.Plan cursor = three.ledBy("sanction");
        assertEquals("sanction", cursor.lead());
        assertEquals(pair("sanction", "infrastructur"), cursor.pair(), "a cursor's lead walks a pair of its own");
    }
}
