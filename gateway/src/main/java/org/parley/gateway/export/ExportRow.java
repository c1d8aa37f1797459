package org.parley.gateway.export;

import java.util.List;

import org.parley.gateway.client.EventsModel;

/**
 * One event with what the other service and the catalogue know about it, as both formats write it: the
 * participants' names (actors-service), the location and the territories at stake (events-service places) and
 * the CAMEO type's name. A name that could not be found (an actor deleted since) is null; the id is always there.
 */
record ExportRow(EventsModel.Event event, String typeName, List<NamedParticipant> participants,
        EventsModel.Place location, List<EventsModel.Place> subjects) {

    record NamedParticipant(String role, String actorId, String name) {
        /** "Vladimir Putin (SOURCE)", or the id when the actor is unknown. */
        String label() {
            return (name == null ? actorId : name) + " (" + role + ")";
        }
    }
}
