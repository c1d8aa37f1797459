package org.parley.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event per story. GDELT writes one row per report of a happening, so one meeting is many rows.
 * Rows with the same <b>story key</b> — the same day (SQLDATE), the same source and target actors in
 * that order (as resolved: ids), the same CAMEO event code and the same place (ActionGeo's feature, or
 * none) — become one event: the first row's title and summary, every row's source (each URL once), every
 * GLOBALEVENTID as an external id (so a re-import finds and skips it), NumMentions/NumSources/NumArticles
 * summed, AvgTone averaged weighted by articles, IsRootEvent if any row is. Only imported rows are merged
 * (events recorded by hand never are), within one chunk (≤ 1000 lines; rows of one story are adjacent
 * in GDELT's files, which number a report's events consecutively).
 *
 * <p>
 * Opt-in ({@code --merge-stories}) for now: events-service skips a batch item when any of its external ids
 * is stored, so a story whose first rows a previous run stored (a file overlapping another at a different
 * line, or a run killed and re-run with another {@code --chunk-lines}) would have its later rows
 * counted as duplicates and never stored. Safe by default needs events-service to merge such an item
 * into the stored event (a story key checked in the batch's transaction): not built yet.
 */
public final class Stories {

    /** events-service's limit of external ids per event. */
    static final int MAX_ROWS = 20;

    private Stories() {
    }

    /** What makes two rows one story; ids are the resolved actor and place ids (null when absent). */
    public record Key(java.time.LocalDate day, String sourceId, String targetId, String code, String placeId) {
    }

    /** A merged event and the rows (indices into the chunk's list) behind it. */
    public record Story(ImportModel.EventItem event, List<Integer> rows) {
    }

    /** Merges {@code events} (one per row, {@code keys} alike) by key, in the order of each story's first row. */
    public static List<Story> merge(List<ImportModel.EventItem> events, List<Key> keys) {
        Map<Key, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            groups.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
        }
        List<Story> stories = new ArrayList<>(groups.size());
        for (List<Integer> group : groups.values()) {
            // events-service keeps at most 20 external ids per event: a longer story is several events
            for (int from = 0; from < group.size(); from += MAX_ROWS) {
                List<Integer> rows = group.subList(from, Math.min(group.size(), from + MAX_ROWS));
                stories.add(new Story(rows.size() == 1 ? events.get(rows.get(0))
                        : merged(rows.stream().map(events::get).toList()), List.copyOf(rows)));
            }
        }
        return stories;
    }

    /** One event per row, unmerged. */
    public static List<Story> single(List<ImportModel.EventItem> events) {
        List<Story> stories = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            stories.add(new Story(events.get(i), List.of(i)));
        }
        return stories;
    }

    private static ImportModel.EventItem merged(List<ImportModel.EventItem> parts) {
        ImportModel.EventItem first = parts.get(0);
        List<ImportModel.Source> sources = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        double mentions = 0, reports = 0, articles = 0, toneWeighted = 0, root = 0;
        for (ImportModel.EventItem e : parts) {
            if (e.sources() != null) {
                for (ImportModel.Source s : e.sources()) {
                    if (sources.stream().noneMatch(x -> Objects.equals(x.url(), s.url()) && Objects.equals(x.title(), s.title()))) {
                        sources.add(s);
                    }
                }
            }
            externalIds.addAll(e.externalIds());
            Map<String, Double> m = e.metrics();
            mentions += m.get("numMentions");
            reports += m.get("numSources");
            articles += m.get("numArticles");
            toneWeighted += m.get("avgTone") * Math.max(1, m.get("numArticles"));
            root = Math.max(root, m.get("isRootEvent"));
        }
        Map<String, Double> metrics = new LinkedHashMap<>(first.metrics());
        metrics.put("numMentions", mentions);
        metrics.put("numSources", reports);
        metrics.put("numArticles", articles);
        metrics.put("avgTone", toneWeighted / parts.stream().mapToDouble(e -> Math.max(1, e.metrics().get("numArticles"))).sum());
        metrics.put("isRootEvent", root);
        metrics.put("gdeltRows", (double) parts.size());
        return new ImportModel.EventItem(first.title(), first.summary(), first.code(), first.status(), first.start(),
                first.precision(), first.locationId(), first.participants(), sources.isEmpty() ? null : sources,
                externalIds, metrics);
    }
}
