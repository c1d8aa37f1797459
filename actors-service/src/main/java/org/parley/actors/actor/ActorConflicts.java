package org.parley.actors.actor;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.parley.common.problem.ConstraintConflicts;
import org.parley.common.problem.Problem.Violation;

/** The actor constraints a client can run into, by name: the shared mappers answer them as a 409 on the field. */
@ApplicationScoped
public class ActorConflicts implements ConstraintConflicts {

    private static final Map<String, Violation> UNIQUE_CONSTRAINTS = Map.of(
            "actor_wikidata_id_key", new Violation("wikidataId", "is already used by another actor"));

    @Override
    public Optional<Violation> violationFor(String constraintName) {
        return Optional.ofNullable(UNIQUE_CONSTRAINTS.get(constraintName));
    }
}
