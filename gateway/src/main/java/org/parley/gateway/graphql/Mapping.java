package org.parley.gateway.graphql;

import java.util.List;

import org.parley.gateway.client.ActorsModel;
import org.parley.gateway.client.EventsModel;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.ActorKind;
import org.parley.gateway.graphql.model.Direction;
import org.parley.gateway.graphql.model.DyadPeriod;
import org.parley.gateway.graphql.model.Event;
import org.parley.gateway.graphql.model.EventStatus;
import org.parley.gateway.graphql.model.EventType;
import org.parley.gateway.graphql.model.Participant;
import org.parley.gateway.graphql.model.ParticipantRole;
import org.parley.gateway.graphql.model.Place;
import org.parley.gateway.graphql.model.PlaceKind;
import org.parley.gateway.graphql.model.Precision;
import org.parley.gateway.graphql.model.QuadCount;
import org.parley.gateway.graphql.model.RelatedEvent;
import org.parley.gateway.graphql.model.RelatedKind;
import org.parley.gateway.graphql.model.Relationship;
import org.parley.gateway.graphql.model.RelationshipType;
import org.parley.gateway.graphql.model.Source;

/** Backend JSON shapes to schema types. The schema is a product of its own, not a copy of the REST API. */
final class Mapping {

    private Mapping() {
    }

    static Actor actor(ActorsModel.Actor a) {
        if (a == null) {
            return null;
        }
        return new Actor(a.id(), a.name(), enumOf(ActorKind.class, a.kind()), nonNull(a.aliases()), a.country(),
                a.cameoCode(), a.wikidataId(), a.description(), (int) a.version());
    }

    /** The relationship as seen from {@code viewerId}: other is the far end. */
    static Relationship relationship(ActorsModel.Relationship r, String viewerId) {
        boolean outgoing = viewerId.equals(r.fromId());
        return new Relationship(r.id(), enumOf(RelationshipType.class, r.type()), r.title(), r.since(), r.until(),
                outgoing ? Direction.OUTGOING : Direction.INCOMING, outgoing ? r.toId() : r.fromId());
    }

    static Event event(EventsModel.Event e) {
        if (e == null) {
            return null;
        }
        List<Participant> participants = nonNull(e.participants()).stream()
                .map(p -> new Participant(enumOf(ParticipantRole.class, p.role()), p.actorId())).toList();
        List<Source> sources = nonNull(e.sources()).stream()
                .map(s -> new Source(s.id(), s.url(), s.publisher(), s.title(), s.publishedAt(), s.excerpt(),
                        s.speakerId()))
                .toList();
        List<RelatedEvent> related = nonNull(e.related()).stream()
                .map(r -> new RelatedEvent(enumOf(RelatedKind.class, r.kind()), r.eventId())).toList();
        return new Event(e.id(), e.title(), e.summary(), e.code(), enumOf(EventStatus.class, e.status()), e.start(),
                e.end(), enumOf(Precision.class, e.precision()), participants, sources, related,
                nonNull(e.externalIds()), (int) e.version(), e.locationId(), nonNull(e.subjectIds()), e.goldstein(),
                e.quadClass(), e.rootCode());
    }

    static Place place(EventsModel.Place p) {
        if (p == null) {
            return null;
        }
        return new Place(p.id(), p.name(), enumOf(PlaceKind.class, p.kind()), p.countryCode(), p.parentId(),
                p.latitude(), p.longitude(), p.status(), p.statusSince());
    }

    static EventType eventType(EventsModel.EventType t) {
        return new EventType(t.code(), t.name(), t.rootCode(), t.quadClass() == null ? 0 : t.quadClass(),
                t.goldstein());
    }

    static DyadPeriod period(EventsModel.Period p) {
        return new DyadPeriod(p.period(), (int) p.count(), p.goldsteinMean(),
                nonNull(p.quadCounts()).stream().map(q -> new QuadCount(q.quadClass(), (int) q.count())).toList());
    }

    /**
     * A connection's totalCount. Null means it was not counted because the document did not select it
     * (the backend client fails a call whose asked-for count is missing): the 0 is never shown.
     */
    static int totalCount(Long counted) {
        return counted == null ? 0 : counted.intValue();
    }

    /** Whether totalCount is exact: events-service says so, or predates its count limit (null: exact). */
    static boolean totalCountIsExact(Boolean exact) {
        return exact == null || exact;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null; // a backend ahead of the gateway: better a null than a failed page
        }
    }

    static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
