package org.parley.gateway.client;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * JSON shapes read or written outside a REST client method signature (the SSE stream parsed with the
 * ObjectMapper, problem bodies read from error responses), registered so a native build can bind them.
 */
@RegisterForReflection(targets = {
        EventsModel.StreamChange.class, EventsModel.Event.class, EventsModel.Participant.class,
        EventsModel.Source.class, EventsModel.Related.class, EventsModel.EventPage.class,
        EventsModel.ParticipantEvents.class, EventsModel.Place.class, EventsModel.EventType.class,
        EventsModel.QuadCount.class, EventsModel.Period.class, EventsModel.DyadStats.class,
        EventsModel.CountPeriod.class, EventsModel.CountGroup.class, EventsModel.EventCounts.class,
        EventsModel.Counterpart.class, EventsModel.ActorCounterparts.class, EventsModel.SourceInput.class,
        EventsModel.ParticipantInput.class, EventsModel.EventInput.class, EventsModel.LinkInput.class,
        ActorsModel.Actor.class, ActorsModel.ActorPage.class, ActorsModel.Relationship.class,
        ActorsModel.ActorInput.class, ActorsModel.RelationshipInput.class,
        BackendErrors.Problem.class, BackendException.Violation.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
