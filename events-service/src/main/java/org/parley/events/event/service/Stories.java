package org.parley.events.event.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.parley.events.event.SourceInput;
import org.parley.events.event.repository.EventRepository.EventChildren;
import org.parley.events.event.repository.EventRepository.EventRow;

/**
 * One event per story (issue 17): the rule by which reports of one happening become one event.
 *
 * <p>
 * <b>Story key.</b> Reports with the same day (start and precision), the same CAMEO code, the same place
 * (location, or none) and the same participants in the same order with the same roles are one story. Only an
 * item of a batch sent with {@code mergeStories} that has external ids gets a key; an event recorded
 * through the normal API, or edited by hand afterwards, has none and is never merged into.
 *
 * <p>
 * <b>Counts.</b> Merging adds a report's counts to the story's: {@link #SUMMED} are summed, {@link #TONE} is
 * the mean weighted by articles, {@link #ROOT} the maximum, every other metric keeps the story's first value.
 * An item's counts are split equally over its external ids, and a share is added when, and only when, its id
 * is first stored: an item whose ids are all stored adds nothing (a re-import changes nothing), one partly
 * stored adds the shares of its new ids only. For items of one external id each (what the importer sends)
 * this is exact; for an item of several ids partly stored before, the split is the best the item allows, and
 * over any sequence of imports each id's share is still counted exactly once.
 */
final class Stories {

    static final Set<String> SUMMED = Set.of("numMentions", "numSources", "numArticles");
    static final String TONE = "avgTone";
    static final String TONE_WEIGHT = "numArticles";
    static final String ROOT = "isRootEvent";

    private Stories() {
    }

    /** The story key of an event as it would be stored; participants as de-duplicated and ordered. */
    static String key(EventRow row, EventChildren children) {
        StringBuilder key = new StringBuilder()
                .append(row.start()).append('/').append(row.precision())
                .append('|').append(row.type().code())
                .append('|').append(row.locationId() == null ? "-" : row.locationId());
        for (int i = 0; i < children.actors().size(); i++) {
            key.append(i == 0 ? '|' : ',').append(children.actors().get(i)).append(':').append(children.roles().get(i));
        }
        return key.toString();
    }

    /**
     * The story's metrics with {@code share} (0 < share ≤ 1) of a report's added; {@code story} null for a
     * story that starts with this report. Null when neither has metrics.
     */
    static Map<String, Double> addMetrics(Map<String, Double> story, Map<String, Double> report, double share) {
        if (report == null || report.isEmpty()) {
            return story;
        }
        Map<String, Double> out = story == null ? new LinkedHashMap<>() : new LinkedHashMap<>(story);
        for (Map.Entry<String, Double> m : report.entrySet()) {
            String name = m.getKey();
            double value = m.getValue();
            Double current = out.get(name);
            if (SUMMED.contains(name)) {
                out.put(name, (current == null ? 0 : current) + share * value);
            } else if (name.equals(TONE)) {
                out.put(name, current == null ? value
                        : weightedTone(current, weight(story), value, share * weight(report)));
            } else if (name.equals(ROOT)) {
                out.put(name, current == null ? value : Math.max(current, value));
            } else {
                out.putIfAbsent(name, value);
            }
        }
        return out;
    }

    private static double weightedTone(double storyTone, double storyWeight, double reportTone, double reportWeight) {
        return (storyTone * storyWeight + reportTone * reportWeight) / (storyWeight + reportWeight);
    }

    /** A report counts by its articles (GDELT's own weight for tone), at least one. */
    private static double weight(Map<String, Double> metrics) {
        Double articles = metrics == null ? null : metrics.get(TONE_WEIGHT);
        return articles == null ? 1 : Math.max(1, articles);
    }

    /** What identifies a source within one event: the same url and title is the same source. */
    static String sourceKey(String url, String title) {
        return Objects.toString(url, "") + "\n" + Objects.toString(title, "");
    }

    static String sourceKey(SourceInput s) {
        return sourceKey(s.url(), s.title());
    }
}
