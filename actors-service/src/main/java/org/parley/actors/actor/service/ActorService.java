package org.parley.actors.actor.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.actors.actor.Actor;
import org.parley.actors.actor.ActorKind;
import org.parley.actors.actor.repository.ActorFilter;
import org.parley.actors.actor.repository.ActorRepository;
import org.parley.common.problem.ApiException;
import org.parley.actors.actor.rest.dto.ActorInput;
import org.parley.actors.actor.rest.dto.ResolveItem;
import org.parley.actors.actor.rest.dto.ResolvedActor;
import org.parley.actors.validation.IsoCountryValidator;

/** The actor use cases. Reads run in a session, writes in a transaction; "absent" is null. */
@ApplicationScoped
public class ActorService {

    private final ActorRepository actors;
    private final ObjectMapper objectMapper;

    public ActorService(ActorRepository actors, ObjectMapper objectMapper) {
        this.actors = actors;
        this.objectMapper = objectMapper;
    }

    @WithSession
    public Uni<Actor> findActor(UUID id) {
        return actors.findById(id);
    }

    @WithSession
    public Uni<List<Actor>> findActorsByIds(List<UUID> ids) {
        return actors.findActorsByIds(ids);
    }

    /** Fetches one row more than asked to learn whether another page follows. */
    @WithSession
    public Uni<ActorSearchResult> searchActors(ActorFilter filter, int limit) {
        return actors.searchActors(filter, limit + 1).chain(rows -> actors.countActors(filter).map(total -> {
            boolean hasMore = rows.size() > limit;
            return new ActorSearchResult(hasMore ? rows.subList(0, limit) : rows, hasMore, total);
        }));
    }

    @WithTransaction
    public Uni<Actor> createActor(ActorInput input) {
        Actor actor = new Actor();
        actor.id = UUID.randomUUID();
        apply(actor, input);
        actor.createdAt = now();
        actor.updatedAt = actor.createdAt;
        // Flush inside the transaction so a unique-constraint conflict surfaces here, as a 409.
        return actors.persistAndFlush(actor);
    }

    /**
     * Replaces an actor if the client's version is the stored one. A concurrent update between
     * our read and our write is still caught: Hibernate's UPDATE is conditional on the version.
     *
     * @return the updated actor, or null if there is none with this id
     */
    @WithTransaction
    public Uni<Actor> updateActor(UUID id, ActorInput input, long expectedVersion) {
        return actors.findById(id).chain(actor -> {
            if (actor == null) {
                return Uni.createFrom().nullItem();
            }
            if (actor.version != expectedVersion) {
                return Uni.createFrom().failure(ApiException.staleVersion("Actor " + id + " is at version "
                        + actor.version + ", not " + expectedVersion + "; read it again and retry."));
            }
            apply(actor, input);
            actor.updatedAt = now();
            return actors.flush().replaceWith(actor);
        });
    }

    /** @return whether an actor was deleted (its relationships go with it, by foreign key) */
    @WithTransaction
    public Uni<Boolean> deleteActor(UUID id) {
        return actors.delete("id", id).map(count -> count > 0);
    }

    /**
     * Resolves (CAMEO code, name) pairs to actor ids, creating the missing actors: two statements
     * for the whole batch, whatever its size. Idempotent, also under concurrent calls, through the
     * unique resolution key (see {@link ActorRepository#insertMissingResolved}).
     *
     * @return one entry per item, in item order; "created" is true for the first item of a key
     *         this call inserted
     */
    @WithTransaction
    public Uni<List<ResolvedActor>> resolveActors(List<ResolveItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String json = toResolveJson(items);
        List<int[]> sectors = sectorLinks(items);
        return actors.insertMissingResolved(json).chain(insertedKeys -> actors.findResolvedActors(json).map(rows -> {
            Set<String> toReport = new HashSet<>(insertedKeys);
            List<ResolvedActor> resolved = new ArrayList<>(items.size());
            for (Object[] row : rows) {
                String key = (String) row[2];
                resolved.add(new ResolvedActor((UUID) row[1], toReport.remove(key)));
            }
            if (resolved.size() != items.size()) {
                // Cannot happen while the resolution key is unique and never updated.
                throw new IllegalStateException("resolved " + resolved.size() + " of " + items.size() + " items");
            }
            return resolved;
        })).chain(resolved -> linkSectors(items, resolved, sectors).replaceWith(resolved));
    }

    /**
     * [sector item, state item] index pairs for the items with {@code sectorOf}: the state is the first
     * item of the request with that code, or -1 when there is none (then the database's oldest STATE
     * with that code: an importer that splits its actors over several calls has resolved it before).
     */
    private static List<int[]> sectorLinks(List<ResolveItem> items) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).cameoCode() != null) {
                byCode.putIfAbsent(items.get(i).cameoCode(), i);
            }
        }
        List<int[]> links = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String parent = items.get(i).sectorOf();
            if (parent != null) {
                links.add(new int[] { i, byCode.getOrDefault(parent, -1) });
            }
        }
        return links;
    }

    /** One statement for the batch's SECTOR_OF relationships; an existing one is kept as it is. */
    private Uni<Void> linkSectors(List<ResolveItem> items, List<ResolvedActor> resolved, List<int[]> links) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int[] link : links) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from_id", resolved.get(link[0]).id());
            row.put("to_id", link[1] < 0 ? null : resolved.get(link[1]).id());
            row.put("to_code", items.get(link[0]).sectorOf());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return actors.insertSectorLinks(json(rows)).replaceWithVoid();
    }

    /**
     * Sets the importer's event counts (absolute, so repeating a call changes nothing); unknown ids are
     * skipped. One statement.
     *
     * @return how many actors were updated
     */
    @WithTransaction
    public Uni<Integer> setEventCounts(Map<UUID, Long> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> rows = new ArrayList<>(counts.size());
        counts.forEach((id, count) -> rows.add(Map.of("id", id, "event_count", count)));
        return actors.setEventCounts(json(rows));
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private String toResolveJson(List<ResolveItem> items) {
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ResolveItem item = items.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ord", i);
            row.put("kind", kindForResolution(item).name());
            row.put("name", item.name().strip());
            row.put("country", item.country());
            row.put("cameo_code", item.cameoCode());
            rows.add(row);
        }
        return json(rows);
    }

    /** Importers rarely know the kind; a bare country code (RUS) is a state, anything else a group. */
    private static ActorKind kindForResolution(ResolveItem item) {
        if (item.kind() != null) {
            return item.kind();
        }
        return item.cameoCode() != null && IsoCountryValidator.isIsoCountry(item.cameoCode())
                ? ActorKind.STATE : ActorKind.GROUP;
    }

    private static void apply(Actor actor, ActorInput input) {
        actor.kind = input.kind();
        actor.name = input.name().strip();
        actor.aliases = input.aliases() == null ? new ArrayList<>()
                : new ArrayList<>(input.aliases().stream().map(String::strip).distinct().toList());
        actor.country = input.country();
        actor.cameoCode = input.cameoCode();
        actor.wikidataId = input.wikidataId();
        actor.description = blankToNull(input.description());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** PostgreSQL keeps microseconds; truncating here makes the answer equal a later read. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
