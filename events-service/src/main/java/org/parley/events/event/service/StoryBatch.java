package org.parley.events.event.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.common.problem.ApiException;
import org.parley.events.event.EventChange;
import org.parley.events.event.SourceInput;
import org.parley.events.event.repository.EventRepository;
import org.parley.events.event.repository.EventRepository.EventChildren;
import org.parley.events.event.repository.EventRepository.EventRow;
import org.parley.events.event.repository.EventRepository.StoryEvent;
import org.parley.events.event.repository.EventRepository.TypeInfo;
import org.parley.events.event.rest.dto.EventBatch;
import org.parley.events.event.rest.dto.EventInput;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A batch sent with {@code mergeStories}, in the caller's transaction: each item with external ids goes
 * into its story's event ({@link Stories}) — skipped when all its ids are stored, merged into the story's
 * stored event (or into one an earlier item of the batch started), else a new event with the story key.
 * Items without external ids are inserted as they are, with no key (never merged).
 *
 * <p>
 * The batch first takes a transaction lock per story key, so a concurrent batch of the same stories waits
 * for this one's commit and then sees its events and ids: one event per story whatever the concurrency
 * (the unique index on {@code story_key} stands behind it). Then it reads what is stored, plans in memory
 * and writes set-based: a fixed number of statements whatever the batch's size.
 */
@ApplicationScoped
public class StoryBatch {

    private final EventRepository events;

    public StoryBatch(EventRepository events) {
        this.events = events;
    }

    /** One story's event as this batch leaves it. */
    private static final class Story {
        final UUID id;
        final boolean stored;
        final EventRow row; // new stories only
        final EventChildren children; // new stories only
        final Set<String> sourceKeys = new HashSet<>();
        final List<SourceInput> addedSources = new ArrayList<>();
        final List<String> addedExternalIds = new ArrayList<>();
        Map<String, Double> metrics;

        Story(UUID id, boolean stored, EventRow row, EventChildren children, Map<String, Double> metrics) {
            this.id = id;
            this.stored = stored;
            this.row = row;
            this.children = children;
            this.metrics = metrics;
        }

        void add(EventInput input, List<String> newIds, double share) {
            for (SourceInput s : input.sources() == null ? List.<SourceInput>of() : input.sources()) {
                if (sourceKeys.add(Stories.sourceKey(s))) {
                    addedSources.add(s);
                }
            }
            addedExternalIds.addAll(newIds);
            metrics = Stories.addMetrics(metrics, input.metrics(), share);
        }

        EventChildren written() {
            return stored ? new EventChildren(id, List.of(), List.of(), List.of(), addedSources, addedExternalIds)
                    : new EventChildren(id, children.actors(), children.roles(), children.subjects(), addedSources,
                            addedExternalIds);
        }

        JsonObject metricsJson() {
            return metrics == null || metrics.isEmpty() ? null : new JsonObject(new LinkedHashMap<>(metrics));
        }
    }

    public Uni<EventBatch.Result> record(SqlConnection c, List<EventInput> inputs, Map<String, TypeInfo> types) {
        List<EventRow> rows = new ArrayList<>(inputs.size());
        List<EventChildren> children = new ArrayList<>(inputs.size());
        List<String> keys = new ArrayList<>(inputs.size());
        Set<String> allExternal = new HashSet<>();
        for (EventInput input : inputs) {
            UUID id = UUID.randomUUID();
            EventRow row = EventService.toRow(id, input, types);
            EventChildren child = EventService.children(id, input);
            rows.add(row);
            children.add(child);
            keys.add(child.externalIds() == null || child.externalIds().isEmpty() ? null : Stories.key(row, child));
            allExternal.addAll(input.externalIdsOrEmpty());
        }
        Set<String> distinctKeys = new TreeSet<>();
        keys.stream().filter(k -> k != null).forEach(distinctKeys::add);
        return events.lockStories(c, distinctKeys)
                .flatMap(x -> events.findExternalIdOwners(c, allExternal))
                .flatMap(owners -> events.findStoryEvents(c, distinctKeys)
                        .flatMap(stored -> write(c, plan(inputs, rows, children, keys, owners.keySet(), stored))));
    }

    /** What the batch does: the stories it touches (in order of first use) and each item's event. */
    private record Plan(List<Story> stories, List<UUID> ids, int merged, int skipped) {
    }

    private static Plan plan(List<EventInput> inputs, List<EventRow> rows, List<EventChildren> children,
            List<String> keys, Set<String> storedIds, Map<String, StoryEvent> storedStories) {
        Set<String> taken = new HashSet<>(storedIds);
        Map<String, Story> byKey = new LinkedHashMap<>();
        List<Story> stories = new ArrayList<>();
        List<UUID> ids = new ArrayList<>(inputs.size());
        int merged = 0;
        int skipped = 0;
        for (int i = 0; i < inputs.size(); i++) {
            EventInput input = inputs.get(i);
            List<String> external = children.get(i).externalIds() == null ? List.of() : children.get(i).externalIds();
            List<String> fresh = external.stream().filter(x -> !taken.contains(x)).toList();
            if (!external.isEmpty() && fresh.isEmpty()) {
                ids.add(null);
                skipped++;
                continue;
            }
            taken.addAll(fresh);
            String key = keys.get(i);
            Story story = key == null ? null : byKey.get(key);
            if (story == null && key != null && storedStories.containsKey(key)) {
                StoryEvent s = storedStories.get(key);
                story = new Story(s.id(), true, null, null, s.metrics());
                for (String[] source : s.sources()) {
                    story.sourceKeys.add(Stories.sourceKey(source[0], source[1]));
                }
                byKey.put(key, story);
                stories.add(story);
            }
            double share = external.isEmpty() ? 1 : (double) fresh.size() / external.size();
            if (story == null) {
                // a new story (or an item without external ids: an event of its own, never merged)
                story = new Story(rows.get(i).id(), false, rows.get(i), children.get(i), null);
                story.add(input, fresh, share);
                stories.add(story);
                if (key != null) {
                    byKey.put(key, story);
                }
            } else {
                story.add(input, fresh, share);
                merged++;
            }
            ids.add(story.id);
        }
        return new Plan(stories, ids, merged, skipped);
    }

    private Uni<EventBatch.Result> write(SqlConnection c, Plan plan) {
        List<EventRow> newRows = new ArrayList<>();
        List<EventChildren> newChildren = new ArrayList<>();
        List<UUID> updated = new ArrayList<>();
        List<JsonObject> updatedMetrics = new ArrayList<>();
        List<EventChildren> updatedChildren = new ArrayList<>();
        for (Story s : plan.stories()) {
            if (s.stored) {
                updated.add(s.id);
                updatedMetrics.add(s.metricsJson());
                updatedChildren.add(s.written());
            } else {
                String key = s.addedExternalIds.isEmpty() ? null : Stories.key(s.row, s.children);
                newRows.add(s.row.withStory(key, s.metricsJson()));
                newChildren.add(s.written());
            }
        }
        List<UUID> inserted = newRows.stream().map(EventRow::id).toList();
        List<EventChildren> all = new ArrayList<>(newChildren);
        all.addAll(updatedChildren);
        return events.insertEvents(c, newRows, newChildren)
                .flatMap(x -> events.insertParticipants(c, newChildren))
                .flatMap(x -> events.insertSubjects(c, newChildren))
                .flatMap(x -> events.insertSources(c, all))
                .flatMap(x -> events.claimExternalIds(c, all))
                .flatMap(incomplete -> {
                    if (!incomplete.isEmpty()) {
                        // only a writer outside the story locks claims these ids meanwhile (a batch without
                        // mergeStories, or POST /events): the whole batch rolls back, and sent again it
                        // finds those ids stored
                        throw ApiException.conflict("external ids of " + incomplete.size()
                                + " events were recorded meanwhile by another write; send the batch again");
                    }
                    return events.updateStoryEvents(c, updated, updatedMetrics);
                })
                .flatMap(x -> updated.isEmpty() ? Uni.createFrom().voidItem() : events.refreshSearch(c, updated))
                .flatMap(x -> inserted.isEmpty() ? Uni.createFrom().voidItem() : events.refreshEventKeys(c, inserted))
                .flatMap(x -> inserted.isEmpty() ? Uni.createFrom().voidItem()
                        : events.notifyChanges(c, EventChange.RECORDED, inserted))
                .flatMap(x -> updated.isEmpty() ? Uni.createFrom().voidItem()
                        : events.notifyChanges(c, EventChange.UPDATED, updated))
                .map(x -> new EventBatch.Result(inserted.size(), plan.merged(), plan.skipped(), plan.ids()));
    }
}
