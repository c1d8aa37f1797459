package org.parley.events.db;

import org.parley.events.event.Event;
import org.parley.events.event.rest.dto.EventBatch;
import org.parley.events.event.rest.dto.EventInput;
import org.parley.events.event.rest.dto.LinkInput;
import org.parley.events.event.rest.dto.ParticipantInput;
import org.parley.events.event.SourceInput;
import org.parley.events.place.rest.dto.PlaceDto;
import org.parley.events.place.rest.dto.PlaceInput;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The keyed writes answer with a plain Response whose body {@link KeyedWrites} serialises itself
 * (and fingerprints the request by serialising its body), so the native build cannot see these
 * types in a resource signature.
 */
@RegisterForReflection(targets = { Event.class, Event.Participant.class, Event.Source.class, Event.RelatedLink.class,
        EventBatch.Result.class, EventBatch.Request.class, EventInput.class, ParticipantInput.class, SourceInput.class,
        LinkInput.class, PlaceDto.class, PlaceInput.class })
final class KeyedAnswers {

    private KeyedAnswers() {
    }
}
