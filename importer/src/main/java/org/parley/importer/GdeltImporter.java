package org.parley.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;

/**
 * Imports one chunk of GDELT lines with a fixed number of backend calls, whatever its size: the
 * catalogue (read once per run), one actors resolve, one places resolve, one events batch (the batch is one
 * transaction in events-service, so a chunk's events are written all or nothing). Resolve is
 * idempotent and the batch skips GLOBALEVENTIDs already recorded, so sending a chunk again — after a
 * crash, or in an overlapping file — converges to the same state.
 *
 * <p>
 * Rows are checked before anything is sent ({@link GdeltLineParser}, {@link GdeltMapping}); should a
 * backend still refuse an item (400 with {@code items[i]} violations), the rows behind it are rejected
 * with the backend's reason and the call is repeated without them, so one odd row never costs the
 * chunk.
 */
public final class GdeltImporter {

    /** The bulk endpoints' limit per call (actors-service and events-service READMEs). */
    static final int MAX_ITEMS = 1000;
    private static final int MAX_ROUNDS = 3;
    private static final int COUNT_RETRIES = 3;
    private static final Duration COUNT_RETRY_DELAY = Duration.ofMillis(500);
    private static final Pattern ITEM_INDEX = Pattern.compile("^items\\[(\\d+)]");

    private final Services services;
    /** events-service's catalogue by code, read once per run. */
    private final Map<String, ImportModel.EventType> types;
    private final GdeltMapping mapping = new GdeltMapping(Countries.get());

    /**
     * Whether events-service merges the rows of one story into one event (its batch's {@code mergeStories}):
     * across chunks, files and re-runs, since it checks each row against the stored stories in the batch's
     * transaction. Each row is sent as its own item, so that a row seen before is recognised by its one
     * GLOBALEVENTID and its counts are added exactly once (events-service README, One event per story).
     */
    private final boolean mergeStories;

    public GdeltImporter(Services services, List<ImportModel.EventType> catalogue) {
        this(services, catalogue, true);
    }

    public GdeltImporter(Services services, List<ImportModel.EventType> catalogue, boolean mergeStories) {
        this.services = services;
        this.mergeStories = mergeStories;
        Map<String, ImportModel.EventType> byCode = new HashMap<>();
        catalogue.forEach(t -> byCode.put(t.code(), t));
        this.types = Map.copyOf(byCode);
    }

    /** Imports {@code lines}; line {@code i} of the list is line {@code firstLine + i} of {@code file}. */
    public Uni<ImportModel.ImportReport> importLines(String file, long firstLine, GdeltFormat format,
            List<String> lines) {
        Chunk chunk = new Chunk(file, firstLine, lines.size());
        GdeltLineParser parser = new GdeltLineParser(types.keySet(), format);
        for (int i = 0; i < lines.size(); i++) {
            GdeltLineParser.Result r = parser.parse(lines.get(i), firstLine + i);
            if (r.accepted()) {
                chunk.rows.add(r.row());
            } else {
                chunk.reject(r.lineNumber(), r.reason());
            }
        }
        return resolveActors(chunk)
                .flatMap(actorIds -> resolvePlaces(chunk)
                        .flatMap(placeIds -> record(chunk, actorIds, placeIds))
                        .call(report -> updateEventCountsRetrying(actorIds.values())));
    }

    /**
     * The count update after a recorded batch, retried on its own while actors-service or events-service is
     * unavailable: the counts are absolute, so setting them again is harmless, whereas failing the chunk
     * would send its batch again and the rows this chunk just stored would come back as duplicates.
     */
    private Uni<Void> updateEventCountsRetrying(Collection<String> actorIds) {
        return Uni.createFrom().deferred(() -> updateEventCounts(actorIds))
                .onFailure(f -> f instanceof ImportFailure failure && failure.retryable())
                .retry().withBackOff(COUNT_RETRY_DELAY, COUNT_RETRY_DELAY.multipliedBy(8)).atMost(COUNT_RETRIES);
    }

    /** The rows of one request and what became of them. */
    private static final class Chunk {
        final String file;
        final long firstLine;
        final int size;
        final List<GdeltRow> rows = new ArrayList<>();
        final Map<Long, String> rejected = new HashMap<>();

        Chunk(String file, long firstLine, int size) {
            this.file = file;
            this.firstLine = firstLine;
            this.size = size;
        }

        void reject(long line, String reason) {
            rejected.putIfAbsent(line, reason);
        }

        List<GdeltRow> live() {
            return rows.stream().filter(r -> !rejected.containsKey(r.lineNumber())).toList();
        }
    }

    private Uni<Map<ImportModel.ActorItem, String>> resolveActors(Chunk chunk) {
        Map<ImportModel.ActorItem, List<Long>> users = new LinkedHashMap<>();
        for (GdeltRow row : chunk.live()) {
            for (GdeltRow.Actor a : new GdeltRow.Actor[] { row.actor1(), row.actor2() }) {
                if (a != null) {
                    ImportModel.ActorItem item = mapping.actor(a);
                    if (item.sectorOf() != null) {
                        // the sector's state goes in the same resolve, so actors-service can link them
                        users.computeIfAbsent(mapping.state(item.sectorOf()), k -> new ArrayList<>())
                                .add(row.lineNumber());
                    }
                    users.computeIfAbsent(item, k -> new ArrayList<>()).add(row.lineNumber());
                }
            }
        }
        return resolveAll(chunk, users, services::resolveActors, Services.ACTORS, "actor");
    }

    private Uni<Map<ImportModel.PlaceItem, String>> resolvePlaces(Chunk chunk) {
        Map<ImportModel.PlaceItem, List<Long>> users = new LinkedHashMap<>();
        for (GdeltRow row : chunk.live()) {
            ImportModel.PlaceItem place = mapping.place(row.actionGeo());
            if (place != null) {
                users.computeIfAbsent(place, k -> new ArrayList<>()).add(row.lineNumber());
            }
        }
        return resolveAll(chunk, users, services::resolvePlaces, Services.EVENTS, "place");
    }

    /** Resolves distinct items in calls of ≤ 1000, one after the other; ids by item. */
    private <T> Uni<Map<T, String>> resolveAll(Chunk chunk, Map<T, List<Long>> users,
            Function<List<T>, Uni<ImportModel.ResolveResult>> call, String service, String what) {
        List<T> distinct = new ArrayList<>(users.keySet());
        Map<T, String> ids = new HashMap<>();
        Uni<Void> done = Uni.createFrom().voidItem();
        for (int from = 0; from < distinct.size(); from += MAX_ITEMS) {
            List<T> part = distinct.subList(from, Math.min(distinct.size(), from + MAX_ITEMS));
            done = done.flatMap(x -> callDropping(part, call, service).map(attempt -> {
                attempt.dropped().forEach((index, reason) -> users.get(part.get(index))
                        .forEach(line -> chunk.reject(line, what + " refused by " + service + ": " + reason)));
                if (attempt.result() != null) {
                    List<ImportModel.Resolved> resolved = attempt.result().items();
                    if (resolved == null || resolved.size() != attempt.kept().size()) {
                        throw ImportFailure.backend(service,
                                new IllegalStateException(service + " answered a resolve with the wrong number of ids"));
                    }
                    for (int i = 0; i < resolved.size(); i++) {
                        ids.put(part.get(attempt.kept().get(i)), resolved.get(i).id());
                    }
                }
                return null;
            }));
        }
        return done.map(x -> ids);
    }

    private Uni<ImportModel.ImportReport> record(Chunk chunk, Map<ImportModel.ActorItem, String> actorIds, Map<ImportModel.PlaceItem, String> placeIds) {
        List<GdeltRow> rows = chunk.live();
        List<ImportModel.EventItem> items = new ArrayList<>(rows.size());
        for (GdeltRow row : rows) {
            String a1 = row.actor1() == null ? null : actorIds.get(mapping.actor(row.actor1()));
            String a2 = row.actor2() == null ? null : actorIds.get(mapping.actor(row.actor2()));
            ImportModel.PlaceItem place = mapping.place(row.actionGeo());
            String placeId = place == null ? null : placeIds.get(place);
            items.add(mapping.event(row, types.get(row.eventCode()), a1, a2, placeId));
        }
        // ≤ 1000 lines per chunk (the command's limit), so this is a single batch: one transaction.
        return callDropping(items, list -> services.recordEvents(list, mergeStories), Services.EVENTS)
                .map(attempt -> {
                    attempt.dropped().forEach((index, reason) -> chunk.reject(rows.get(index).lineNumber(),
                            "event refused by events-service: " + reason));
                    // one item per row: a row is imported (a new event, or merged into its story's), or a duplicate
                    int imported = 0;
                    int skipped = 0;
                    if (attempt.result() != null) {
                        List<String> ids = attempt.result().ids();
                        for (int i = 0; i < attempt.kept().size(); i++) {
                            if (ids != null && i < ids.size() && ids.get(i) == null) {
                                skipped++;
                            } else {
                                imported++;
                            }
                        }
                    }
                    List<ImportModel.Rejection> rejected = new ArrayList<>();
                    chunk.rejected.forEach((line, reason) -> rejected.add(new ImportModel.Rejection(line, reason)));
                    rejected.sort(Comparator.comparingLong(ImportModel.Rejection::line));
                    int events = attempt.result() == null ? 0 : attempt.result().inserted();
                    return new ImportModel.ImportReport(chunk.file, chunk.firstLine, chunk.size, imported, skipped,
                            events, Collections.unmodifiableList(rejected));
                });
    }

    /**
     * Sets the chunk's actors' event counts in actors-service (its text search ranks by them) to what
     * events-service counts now: absolute numbers, so a chunk sent again, a crash between the batch and
     * this, or two importers at once leave them right, not doubled. Part of the chunk: should it fail,
     * the chunk is sent again (its events are then skipped as duplicates).
     */
    private Uni<Void> updateEventCounts(Collection<String> actorIds) {
        List<String> ids = actorIds.stream().distinct().toList();
        return services.countEvents(ids)
                .onFailure().transform(f -> ImportFailure.backend(Services.EVENTS, f))
                .flatMap(counts -> {
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (int from = 0; from < counts.size(); from += MAX_ITEMS) {
                        List<ImportModel.EventCount> part = counts.subList(from, Math.min(counts.size(), from + MAX_ITEMS));
                        done = done.flatMap(x -> services.setEventCounts(part).replaceWithVoid()
                                .onFailure().transform(f -> ImportFailure.backend(Services.ACTORS, f)));
                    }
                    return done;
                });
    }

    /** The outcome of a bulk call: its result for the kept items (indices into the original list). */
    record Attempt<R>(R result, List<Integer> kept, Map<Integer, String> dropped) {
    }

    <T, R> Uni<Attempt<R>> callDropping(List<T> items, Function<List<T>, Uni<R>> call, String service) {
        List<Integer> all = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            all.add(i);
        }
        return attempt(items, all, new LinkedHashMap<>(), call, service, 0);
    }

    private <T, R> Uni<Attempt<R>> attempt(List<T> items, List<Integer> kept, Map<Integer, String> dropped,
            Function<List<T>, Uni<R>> call, String service, int round) {
        if (kept.isEmpty()) {
            return Uni.createFrom().item(new Attempt<>(null, kept, dropped));
        }
        List<T> sent = kept.stream().map(items::get).toList();
        return call.apply(sent).map(result -> new Attempt<>(result, kept, dropped))
                .onFailure().recoverWithUni(failure -> {
                    Map<Integer, String> bad = badItems(failure, sent.size());
                    if (bad.isEmpty() || round >= MAX_ROUNDS) {
                        return Uni.createFrom().failure(ImportFailure.backend(service, failure));
                    }
                    List<Integer> next = new ArrayList<>();
                    for (int i = 0; i < kept.size(); i++) {
                        if (bad.containsKey(i)) {
                            dropped.put(kept.get(i), bad.get(i));
                        } else {
                            next.add(kept.get(i));
                        }
                    }
                    return attempt(items, next, dropped, call, service, round + 1);
                });
    }

    /** Index → reason for each {@code items[i]…} violation of a 400 answer; empty for any other failure. */
    static Map<Integer, String> badItems(Throwable failure, int size) {
        ImportFailure.Problem problem = ImportFailure.problemOf(failure);
        Map<Integer, String> bad = new HashMap<>();
        if (problem == null || ImportFailure.statusOf(failure) != 400 || problem.violations() == null) {
            return bad;
        }
        for (ImportFailure.Violation v : problem.violations()) {
            Matcher m = v.field() == null ? null : ITEM_INDEX.matcher(v.field());
            if (m == null || !m.find()) {
                return Map.of(); // a violation not tied to one item: the request as a whole is wrong
            }
            int index = Integer.parseInt(m.group(1));
            if (index < size) {
                String field = v.field().substring(m.end()).replaceFirst("^\\.", "");
                bad.merge(index, (field.isEmpty() ? "" : field + " ") + v.message(), (a, b) -> a + "; " + b);
            }
        }
        return bad;
    }
}
