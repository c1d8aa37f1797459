package org.parley.actors;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.parley.actors.actor.rest.dto.ActorInput;
import org.parley.actors.actor.rest.dto.ActorView;
import org.parley.actors.relationship.rest.dto.RelationshipInput;
import org.parley.actors.relationship.rest.dto.RelationshipView;

/**
 * The creating POSTs answer with a plain Response whose body IdempotentWrites serialises itself (and
 * fingerprints the request by serialising its body), so the native build cannot see these types in
 * a resource signature.
 */
@RegisterForReflection(targets = {ActorView.class, ActorInput.class, RelationshipView.class, RelationshipInput.class})
final class KeyedAnswers {

    private KeyedAnswers() {
    }
}
