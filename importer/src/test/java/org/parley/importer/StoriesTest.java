package org.parley.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * One event per story on the real sample (2,111 rows of 24 October 2019, 14:30). Actor and place ids
 * stand in as their resolve keys: resolve gives one id per key, so the grouping is the importer's.
 */
class StoriesTest {

    private final GdeltMapping mapping = new GdeltMapping(Countries.get());

    /** The chunk's events as the importer sends them, for lines [from, to) of the sample. */
    private List<Stories.Story> stories(List<String> lines, int from, int to) {
        Set<String> codes = new HashSet<>();
        lines.forEach(line -> codes.add(GdeltFiles.columns(line)[26]));
        GdeltLineParser parser = new GdeltLineParser(codes, null);
        List<ImportModel.EventItem> events = new ArrayList<>();
        List<Stories.Key> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            GdeltRow row = parser.parse(lines.get(i), i + 1).row();
            String a1 = row.actor1() == null ? null : mapping.actor(row.actor1()).toString();
            String a2 = row.actor2() == null ? null : mapping.actor(row.actor2()).toString();
            ImportModel.PlaceItem place = mapping.place(row.actionGeo());
            String placeId = place == null ? null : place.key();
            ImportModel.EventType type = new ImportModel.EventType(row.eventCode(), "type " + row.eventCode(),
                    row.eventCode().substring(0, 2), row.quadClass(), row.goldstein());
            events.add(mapping.event(row, type, a1, a2, placeId));
            keys.add(new Stories.Key(row.date(), a1, a2, row.eventCode(), placeId));
        }
        return Stories.merge(events, keys);
    }

    @Test
    void theSamplesRowsBecomeFewerEventsWithEveryRowAndCountKept() {
        List<String> lines = GdeltFiles.sample();
        List<Stories.Story> whole = stories(lines, 0, lines.size());
        // the importer's chunks of 1000 lines: a story cut by a chunk boundary stays two events
        List<Stories.Story> chunked = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += 1000) {
            chunked.addAll(stories(lines, from, Math.min(lines.size(), from + 1000)));
        }
        System.out.printf("stories: %d rows -> %d events in one chunk, %d in chunks of 1000%n", lines.size(),
                whole.size(), chunked.size());
        assertEquals(1920, whole.size());
        assertEquals(1921, chunked.size());

        Set<String> ids = new HashSet<>();
        double mentions = 0;
        for (Stories.Story s : chunked) {
            ids.addAll(s.event().externalIds());
            mentions += s.event().metrics().get("numMentions");
            assertEquals(s.rows().size(), s.event().externalIds().size());
        }
        assertEquals(GdeltFiles.SAMPLE_ROWS, ids.size(), "every GDELT id kept, once");
        double rowMentions = lines.stream().mapToDouble(l -> Double.parseDouble(GdeltFiles.columns(l)[31])).sum();
        assertEquals(rowMentions, mentions, 1e-9, "mentions summed, none lost");
    }

    @Test
    void aStoryIsOneEventWithEverySourceAndSummedCounts() {
        List<String> lines = GdeltFiles.sample();
        Stories.Story biggest = stories(lines, 0, lines.size()).stream()
                .max((a, b) -> Integer.compare(a.rows().size(), b.rows().size())).orElseThrow();
        ImportModel.EventItem e = biggest.event();
        assertEquals(4, biggest.rows().size());
        assertEquals(4, e.externalIds().size());
        assertEquals(4.0, e.metrics().get("gdeltRows"));
        double articles = biggest.rows().stream()
                .mapToDouble(i -> Double.parseDouble(GdeltFiles.columns(lines.get(i))[33])).sum();
        assertEquals(articles, e.metrics().get("numArticles"));
        // the four rows come from one article: its URL is one source
        assertEquals(1, e.sources().size());
        assertTrue(e.title().contains("United States"), e.title());
    }

    @Test
    void aStoryLongerThanEventsServiceTakesIsSplitInTwenties() {
        List<String> lines = GdeltFiles.sample();
        String line = lines.get(0);
        List<String> same = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            same.add(GdeltFiles.withId(line, i + 1));
        }
        List<Stories.Story> stories = stories(same, 0, same.size());
        assertEquals(List.of(20, 20, 5), stories.stream().map(s -> s.event().externalIds().size()).toList());
    }
}
