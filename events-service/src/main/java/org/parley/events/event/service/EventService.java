package org.parley.events.event.service;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.parley.events.db.Sql;
import org.parley.events.event.Event;
import org.parley.events.event.EventChange;
import org.parley.events.event.Precision;
import org.parley.events.event.RelationKind;
import org.parley.events.event.Role;
import org.parley.events.event.repository.EventRepository;
import org.parley.events.event.repository.EventRepository.EventChildren;
import org.parley.events.event.repository.EventRepository.EventRow;
import org.parley.events.event.repository.EventRepository.TypeInfo;
import org.parley.events.event.rest.dto.EventBatch;
import org.parley.events.event.rest.dto.EventInput;
import org.parley.events.event.rest.dto.LinkInput;
import org.parley.events.event.rest.dto.ParticipantInput;
import org.parley.events.event.SourceInput;
import org.parley.common.problem.ApiException;
import org.parley.common.problem.Problem;
import org.parley.common.version.Versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Use cases that change events. Each runs in one transaction on the reactive pool; the change
 * notification is queued on that same transaction, so listeners only ever hear of commits.
 * Every check happens before the first write, and a failure rolls everything back.
 */
@ApplicationScoped
public class EventService {

    private final Sql sql;
    private final EventRepository events;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final StoryBatch storyBatch;

    public EventService(Sql sql, EventRepository events, ObjectMapper mapper, Validator validator, StoryBatch storyBatch) {
        this.sql = sql;
        this.events = events;
        this.mapper = mapper;
        this.validator = validator;
        this.storyBatch = storyBatch;
    }

    /** In the caller's transaction {@code c}; answers the event as stored (read in that transaction). */
    public Uni<Event> recordEvent(SqlConnection c, EventInput input) {
        UUID id = UUID.randomUUID();
        return checkReferences(c, List.of(input), "")
                .flatMap(types -> writeNew(c, List.of(toRow(id, input, types)), List.of(children(id, input))))
                .flatMap(incomplete -> {
                    if (!incomplete.isEmpty()) {
                        throw ApiException.conflict("an external id of this event already belongs to another event");
                    }
                    return events.refreshEventKeys(c, List.of(id));
                })
                .flatMap(x -> events.notifyChanges(c, EventChange.RECORDED, List.of(id)))
                .flatMap(x -> events.findEventById(c, id));
    }

    /**
     * Inserts many events in one transaction. An item is skipped when one of its external ids already
     * belongs to an event (or to an earlier item of the batch), which makes re-importing a file a no-op.
     * Set-based: a fixed number of statements whatever the number of items (one per table written).
     * With {@code mergeStories}, reports of one story become one event instead ({@link StoryBatch}).
     */
    public Uni<EventBatch.Result> recordEvents(SqlConnection c, List<EventInput> inputs, boolean mergeStories) {
        if (mergeStories) {
            return checkReferences(c, inputs, "items").flatMap(types -> storyBatch.record(c, inputs, types));
        }
        return checkReferences(c, inputs, "items").flatMap(types -> {
            Set<String> allExternal = new HashSet<>();
            inputs.forEach(i -> allExternal.addAll(i.externalIdsOrEmpty()));
            return events.findUsedExternalIds(c, allExternal).flatMap(used -> {
                Set<String> taken = new HashSet<>(used);
                List<UUID> ids = new ArrayList<>();
                List<EventRow> rows = new ArrayList<>();
                List<EventChildren> children = new ArrayList<>();
                for (EventInput input : inputs) {
                    List<String> external = input.externalIdsOrEmpty();
                    if (external.stream().anyMatch(taken::contains)) {
                        ids.add(null);
                        continue;
                    }
                    taken.addAll(external);
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    rows.add(toRow(id, input, types));
                    children.add(children(id, input));
                }
                return writeNew(c, rows, children).flatMap(incomplete -> {
                    // a concurrent import claimed an id meanwhile: skip those items after all
                    ids.replaceAll(id -> id != null && incomplete.contains(id) ? null : id);
                    List<UUID> inserted = ids.stream().filter(java.util.Objects::nonNull).toList();
                    Uni<Void> dropped = incomplete.isEmpty() ? Uni.createFrom().voidItem()
                            : events.deleteEvents(c, incomplete);
                    return dropped.flatMap(x -> inserted.isEmpty() ? Uni.createFrom().voidItem()
                            : events.refreshEventKeys(c, inserted)
                                    .flatMap(y -> events.notifyChanges(c, EventChange.RECORDED, inserted)))
                            .map(x -> new EventBatch.Result(inserted.size(), 0, inputs.size() - inserted.size(), ids));
                });
            });
        });
    }

    /** Null when the event does not exist; 409 when {@code version} is stale (nothing changes). */
    public Uni<Event> replaceEvent(UUID id, EventInput input, long version) {
        return sql.inTransaction(c -> checkReferences(c, List.of(input), "")
                .flatMap(types -> events.updateEvent(c, toRow(id, input, types), version, input.metrics() != null)
                        .flatMap(updated -> updated ? Uni.createFrom().item(true) : staleOrMissing(c, id, version))
                        .flatMap(found -> {
                            if (!found) {
                                return Uni.createFrom().item(false);
                            }
                            return replaceChildren(c, children(id, input)).flatMap(ok -> {
                                if (!ok) {
                                    throw ApiException.conflict("an external id of this event already belongs to another event");
                                }
                                return events.refreshDerived(c, List.of(id))
                                        .flatMap(x -> events.notifyChanges(c, EventChange.UPDATED, List.of(id)))
                                        .replaceWith(true);
                            });
                        })))
                .flatMap(found -> found ? events.findEventById(id) : Uni.createFrom().nullItem());
    }

    /**
     * JSON merge patch (RFC 7396) over the event as EventInput; the merged document is validated
     * like a PUT body. Null when the event does not exist.
     */
    public Uni<Event> patchEvent(UUID id, ObjectNode patch, Long headerVersion) {
        Long version = patch.hasNonNull("version") && patch.get("version").canConvertToLong()
                ? Long.valueOf(patch.get("version").asLong()) : headerVersion;
        if (version == null) {
            throw Versions.missing();
        }
        return events.findEventById(id).flatMap(current -> {
            if (current == null) {
                return Uni.createFrom().nullItem();
            }
            ObjectNode merged = baseDocument(current);
            patch.fields().forEachRemaining(field -> {
                String name = field.getKey();
                if (name.equals("version")) {
                    return;
                }
                if ((name.equals("sources") || name.equals("externalIds")) && field.getValue().isNull()) {
                    merged.putArray(name);
                    return;
                }
                if (name.equals("metrics") && field.getValue().isNull()) {
                    merged.putObject(name); // an empty map clears the stored metrics
                    return;
                }
                mergeInto(merged, name, field.getValue());
            });
            EventInput input;
            try {
                input = mapper.treeToValue(merged, EventInput.class);
            } catch (JsonProcessingException e) {
                // the shared mappers answer the wrapped parser failure with a 400 naming the field
                throw new UncheckedIOException(e);
            }
            Set<ConstraintViolation<EventInput>> violations = validator.validate(input);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return replaceEvent(id, input, version);
        });
    }

    /** False when the event did not exist. */
    public Uni<Boolean> deleteEvent(UUID id) {
        return sql.inTransaction(c -> events.deleteEvent(c, id).flatMap(deleted -> deleted
                ? events.notifyChanges(c, EventChange.DELETED, List.of(id)).replaceWith(true)
                : Uni.createFrom().item(false)));
    }

    /** In the caller's transaction {@code c}; null when the event does not exist. */
    public Uni<Event> addSource(SqlConnection c, UUID id, SourceInput source) {
        return events.touchEvent(c, id).flatMap(found -> {
            if (!found) {
                return Uni.createFrom().nullItem();
            }
            return events.insertSources(c, List.of(EventChildren.sourcesOf(id, List.of(source))))
                    .flatMap(x -> events.refreshSearch(c, List.of(id)))
                    .flatMap(x -> events.notifyChanges(c, EventChange.UPDATED, List.of(id)))
                    .flatMap(x -> events.findEventById(c, id));
        });
    }

    /** In the caller's transaction {@code c}; null when the event does not exist, 400 for a self-link or an unknown target. */
    public Uni<Event> linkEvents(SqlConnection c, UUID id, LinkInput link) {
        if (id.equals(link.eventId())) {
            throw ApiException.badRequest("eventId", "an event cannot be related to itself");
        }
        return events.touchEvent(c, id).flatMap(found -> {
            if (!found) {
                return Uni.createFrom().nullItem();
            }
            return events.eventExists(c, link.eventId()).flatMap(exists -> {
                if (!exists) {
                    throw ApiException.badRequest("eventId", "no event " + link.eventId());
                }
                return events.insertLink(c, id, link.kind(), link.eventId())
                        .flatMap(x -> events.notifyChanges(c, EventChange.UPDATED, List.of(id)))
                        .flatMap(x -> events.findEventById(c, id));
            });
        });
    }

    /** False when there was no such link. */
    public Uni<Boolean> unlinkEvents(UUID id, RelationKind kind, UUID relatedId) {
        return sql.inTransaction(c -> events.deleteLink(c, id, kind, relatedId).flatMap(deleted -> deleted
                ? events.touchEvent(c, id).flatMap(x -> events.notifyChanges(c, EventChange.UPDATED, List.of(id)))
                        .replaceWith(true)
                : Uni.createFrom().item(false)));
    }

    // ---------------------------------------------------------------- helpers

    /** 409 when the event exists at another version, false when it does not exist. */
    private Uni<Boolean> staleOrMissing(SqlConnection c, UUID id, long version) {
        return events.findVersion(c, id).map(current -> {
            if (current == null) {
                return false;
            }
            throw ApiException.staleVersion("event " + id + " is at version " + current + ", not " + version
                    + "; reload and retry");
        });
    }

    /** Codes must be in the catalogue and places must exist (400 naming the field); returns the types. */
    private Uni<Map<String, TypeInfo>> checkReferences(SqlConnection c, List<EventInput> inputs, String prefix) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            EventInput in = inputs.get(i);
            if (in.end() != null && in.end().isBefore(in.start())) {
                violations.add(new Problem.Violation(field(prefix, i, inputs, "end"), "must not be before start"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(violations);
        }
        Set<String> codes = new LinkedHashSet<>();
        Set<UUID> places = new LinkedHashSet<>();
        inputs.forEach(in -> {
            codes.add(in.code());
            if (in.locationId() != null) {
                places.add(in.locationId());
            }
            places.addAll(in.subjectIdsOrEmpty());
        });
        return events.findEventTypes(c, codes).flatMap(types -> events.findExistingPlaces(c, places).map(found -> {
            for (int i = 0; i < inputs.size(); i++) {
                EventInput in = inputs.get(i);
                if (!types.containsKey(in.code())) {
                    violations.add(new Problem.Violation(field(prefix, i, inputs, "code"),
                            "unknown CAMEO event code '" + in.code() + "' (see GET /event-types)"));
                }
                if (in.locationId() != null && !found.contains(in.locationId())) {
                    violations.add(new Problem.Violation(field(prefix, i, inputs, "locationId"), "no place " + in.locationId()));
                }
                List<UUID> subjects = in.subjectIdsOrEmpty();
                for (int s = 0; s < subjects.size(); s++) {
                    if (!found.contains(subjects.get(s))) {
                        violations.add(new Problem.Violation(field(prefix, i, inputs, "subjectIds[" + s + "]"),
                                "no place " + subjects.get(s)));
                    }
                }
            }
            if (!violations.isEmpty()) {
                throw ApiException.badRequest(violations);
            }
            return types;
        }));
    }

    private static String field(String prefix, int index, List<EventInput> inputs, String name) {
        return prefix.isEmpty() ? name : prefix + "[" + index + "]." + name;
    }

    /**
     * Inserts the events and their children, one statement per table for all of them; answers the
     * events whose external ids (some of them) belong to another event (written, to be dropped).
     */
    private Uni<Set<UUID>> writeNew(SqlConnection c, List<EventRow> rows, List<EventChildren> children) {
        return events.insertEvents(c, rows, children)
                .flatMap(x -> events.insertParticipants(c, children))
                .flatMap(x -> events.insertSubjects(c, children))
                .flatMap(x -> events.insertSources(c, children))
                .flatMap(x -> events.claimExternalIds(c, children));
    }

    /** Rewrites a stored event's children; false when an external id belongs to another event. */
    private Uni<Boolean> replaceChildren(SqlConnection c, EventChildren event) {
        Uni<Void> people = events.replaceParticipants(c, event).flatMap(x -> events.replaceSubjects(c, event));
        Uni<Void> sources = event.sources() == null ? people
                : people.flatMap(x -> events.deleteSources(c, event.eventId()))
                        .flatMap(x -> events.insertSources(c, List.of(event)));
        if (event.externalIds() == null) {
            return sources.replaceWith(true);
        }
        return sources.flatMap(x -> events.deleteExternalIds(c, event.eventId()))
                .flatMap(x -> events.claimExternalIds(c, List.of(event)))
                .map(Set::isEmpty);
    }

    /** The children as stored: duplicate (actor, role) pairs, subjects and external ids once. */
    static EventChildren children(UUID id, EventInput input) {
        Map<String, ParticipantInput> participants = new LinkedHashMap<>();
        input.participantsOrEmpty().forEach(p -> participants.putIfAbsent(p.actorId() + "/" + p.role(), p));
        List<UUID> actors = participants.values().stream().map(ParticipantInput::actorId).toList();
        List<Role> roles = participants.values().stream().map(ParticipantInput::role).toList();
        List<UUID> subjects = new ArrayList<>(new LinkedHashSet<>(input.subjectIdsOrEmpty()));
        List<String> external = input.externalIds() == null ? null
                : new ArrayList<>(new LinkedHashSet<>(input.externalIds()));
        return new EventChildren(id, actors, roles, subjects, input.sources(), external);
    }

    static EventRow toRow(UUID id, EventInput in, Map<String, TypeInfo> types) {
        Precision precision = in.precisionOrDay();
        LocalDate start = precision.normalise(in.start());
        LocalDate end = in.end();
        return new EventRow(id, in.title().trim(), in.summary(), types.get(in.code()), in.status(), start, end,
                precision, precision.endExclusive(start, end), in.locationId(),
                in.metrics() == null || in.metrics().isEmpty() ? null : new JsonObject(new LinkedHashMap<>(in.metrics())),
                null);
    }

    /** The current event as the EventInput document a merge patch applies to. */
    private ObjectNode baseDocument(Event e) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("title", e.title());
        doc.put("summary", e.summary());
        doc.put("code", e.code());
        doc.put("status", e.status().name());
        doc.put("start", e.start().toString());
        doc.put("end", e.end() == null ? null : e.end().toString());
        doc.put("precision", e.precision().name());
        doc.put("locationId", e.locationId() == null ? null : e.locationId().toString());
        doc.set("subjectIds", mapper.valueToTree(e.subjectIds()));
        doc.set("participants", mapper.valueToTree(e.participants()));
        if (e.metrics() != null) {
            doc.set("metrics", mapper.valueToTree(e.metrics()));
        }
        return doc;
    }

    /** RFC 7396: null removes, objects merge recursively, anything else replaces. */
    private static void mergeInto(ObjectNode target, String name, JsonNode value) {
        if (value.isNull()) {
            target.remove(name);
        } else if (value.isObject() && target.get(name) instanceof ObjectNode existing) {
            value.fields().forEachRemaining(f -> mergeInto(existing, f.getKey(), f.getValue()));
        } else {
            target.set(name, value.deepCopy());
        }
    }
}
