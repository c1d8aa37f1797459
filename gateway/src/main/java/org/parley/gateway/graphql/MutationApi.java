package org.parley.gateway.graphql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.ActorsModel;
import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.ActorInput;
import org.parley.gateway.graphql.model.Event;
import org.parley.gateway.graphql.model.EventInput;
import org.parley.gateway.graphql.model.ParticipantInput;
import org.parley.gateway.graphql.model.RelatedKind;
import org.parley.gateway.graphql.model.Relationship;
import org.parley.gateway.graphql.model.RelationshipInput;
import org.parley.gateway.graphql.model.SourceInput;
import org.parley.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Writes. Every mutation needs role {@code editor} (Quarkus checks it before the method runs; the caller's
 * token then travels on to the services, which check it again: client/CallerToken); inputs mirror the REST
 * bodies, updates carry the version read (a stale one is a CONFLICT and changes nothing).
 */
@GraphQLApi
@RolesAllowed(Roles.EDITOR)
@RoleErrors
public class MutationApi {

    static final String IDEMPOTENCY_KEY = "Makes a retry safe: retried with the same key and input within 24 h, "
            + "the mutation answers with the first result instead of writing again (e.g. a UUID per intended write)";

    private final ActorsClient actors;
    private final EventsClient events;

    public MutationApi(ActorsClient actors, EventsClient events) {
        this.actors = actors;
        this.events = events;
    }

    @Mutation
    public Uni<Actor> createActor(@NonNull ActorInput input, @Description(IDEMPOTENCY_KEY) String idempotencyKey) {
        return create(idempotencyKey, () -> actors.createActor(idempotencyKey, actorBody(input, null)).map(Mapping::actor));
    }

    @Mutation
    @Description("Replaces the actor; version is the one last read (CONFLICT when someone changed it since)")
    public Uni<Actor> updateActor(@Id @NonNull String id, @NonNull Integer version, @NonNull ActorInput input) {
        return write(() -> actors.updateActor(Ids.require("id", id), actorBody(input, version.longValue()))
                .map(Mapping::actor));
    }

    @Mutation
    @Description("True when the actor was deleted, false when there was no such actor")
    public Uni<Boolean> deleteActor(@Id @NonNull String id) {
        return write(() -> actors.deleteActor(Ids.require("id", id)));
    }

    @Mutation
    @Description("Adds a relationship from the actor (e.g. X HOLDS_OFFICE_IN Y)")
    public Uni<Relationship> addRelationship(@Id @NonNull String actorId, @NonNull RelationshipInput input,
            @Description(IDEMPOTENCY_KEY) String idempotencyKey) {
        return create(idempotencyKey, () -> {
            String from = Ids.require("actorId", actorId);
            ActorsModel.RelationshipInput body = new ActorsModel.RelationshipInput(input.type().name(), input.title(),
                    Ids.require("input.toId", input.toId()), input.since(), input.until());
            return actors.addRelationship(from, idempotencyKey, body).map(r -> Mapping.relationship(r, from));
        });
    }

    @Mutation
    @Description("Records an event; every participant and speaker must be a known actor")
    public Uni<Event> recordEvent(@NonNull EventInput input, @Description(IDEMPOTENCY_KEY) String idempotencyKey) {
        return create(idempotencyKey, () -> {
            EventsModel.EventInput body = eventBody(input, null);
            return checkActorsExist(input).chain(() -> events.recordEvent(idempotencyKey, body)).map(Mapping::event);
        });
    }

    @Mutation
    @Description("Replaces the event; version is the one last read (CONFLICT when someone changed it since)")
    public Uni<Event> updateEvent(@Id @NonNull String id, @NonNull Integer version, @NonNull EventInput input) {
        return write(() -> {
            String eventId = Ids.require("id", id);
            EventsModel.EventInput body = eventBody(input, version.longValue());
            return checkActorsExist(input).chain(() -> events.replaceEvent(eventId, body)).map(Mapping::event);
        });
    }

    @Mutation
    public Uni<Event> addSource(@Id @NonNull String eventId, @NonNull SourceInput input, @Description(IDEMPOTENCY_KEY) String idempotencyKey) {
        return create(idempotencyKey, () -> {
            String id = Ids.require("eventId", eventId);
            EventsModel.SourceInput body = sourceBody(input);
            Set<String> speaker = body.speakerId() == null ? Set.of() : Set.of(body.speakerId());
            return checkActorsExist(speaker, "input.speakerId").chain(() -> events.addSource(id, idempotencyKey, body))
                    .map(Mapping::event);
        });
    }

    @Mutation
    @Description("Records that the event FOLLOWS / RESPONDS_TO / is PART_OF another event")
    public Uni<Event> linkEvents(@Id @NonNull String eventId, @NonNull RelatedKind kind,
            @Id @NonNull String relatedEventId, @Description(IDEMPOTENCY_KEY) String idempotencyKey) {
        return create(idempotencyKey, () -> events.linkEvents(Ids.require("eventId", eventId), idempotencyKey,
                new EventsModel.LinkInput(kind.name(), Ids.require("relatedEventId", relatedEventId)))
                .map(Mapping::event));
    }

    private <T> Uni<T> write(Supplier<Uni<T>> mutation) {
        return Uni.createFrom().<T> deferred(mutation::get).onFailure().transform(GatewayError::from);
    }

    /**
     * A creating write: without a key, a write whose answer was lost may have been applied, so an
     * UPSTREAM_UNAVAILABLE error says that retrying it may apply it twice.
     */
    private <T> Uni<T> create(String idempotencyKey, Supplier<Uni<T>> mutation) {
        Uni<T> written = write(mutation);
        return idempotencyKey != null ? written
                : written.onFailure(GatewayError.class).transform(e -> ((GatewayError) e).withoutIdempotencyKey());
    }

    private static ActorsModel.ActorInput actorBody(ActorInput input, Long version) {
        return new ActorsModel.ActorInput(input.kind().name(), input.name(), input.aliases(), input.country(),
                input.cameoCode(), input.wikidataId(), input.description(), version);
    }

    private static EventsModel.EventInput eventBody(EventInput input, Long version) {
        List<EventsModel.ParticipantInput> participants = input.participants() == null ? null
                : input.participants().stream().map(p -> new EventsModel.ParticipantInput(
                        Ids.require("input.participants.actorId", p.actorId()), p.role().name())).toList();
        List<EventsModel.SourceInput> sources = input.sources() == null ? null
                : input.sources().stream().map(MutationApi::sourceBody).toList();
        return new EventsModel.EventInput(input.title(), input.summary(), input.code(), Mapping.nameOf(input.status()),
                input.start(), input.end(), Mapping.nameOf(input.precision()),
                Ids.require("input.locationId", input.locationId()),
                Ids.requireAll("input.subjectIds", input.subjectIds()), participants, sources, input.externalIds(),
                version);
    }

    private static EventsModel.SourceInput sourceBody(SourceInput s) {
        return new EventsModel.SourceInput(s.url(), s.publisher(), s.title(), s.publishedAt(), s.excerpt(),
                Ids.require("speakerId", s.speakerId()));
    }

    /** Cross-service references are checked here (no foreign key spans the two databases). */
    private Uni<Void> checkActorsExist(EventInput input) {
        Set<String> ids = new LinkedHashSet<>();
        if (input.participants() != null) {
            input.participants().stream().map(ParticipantInput::actorId).map(String::toLowerCase).forEach(ids::add);
        }
        if (input.sources() != null) {
            input.sources().stream().map(SourceInput::speakerId).filter(s -> s != null).map(String::toLowerCase)
                    .forEach(ids::add);
        }
        return checkActorsExist(ids, "input.participants.actorId");
    }

    private Uni<Void> checkActorsExist(Set<String> ids, String field) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return actors.findActorsByIds(ids).map(found -> {
            List<String> unknown = new ArrayList<>();
            for (String id : ids) {
                if (!found.containsKey(id)) {
                    unknown.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                JsonArrayBuilder violations = Json.createArrayBuilder();
                unknown.forEach(id -> violations.add(Json.createObjectBuilder().add("field", field)
                        .add("message", "unknown actor " + id)));
                throw GatewayError.of(GatewayError.BAD_USER_INPUT, "Unknown actor(s): " + String.join(", ", unknown),
                        Map.<String, JsonValue> of("violations", violations.build()));
            }
            return null;
        });
    }
}
