package org.parley.common.problem;

import java.util.Optional;

/**
 * A service's own database constraints that express a client conflict, by constraint name. An
 * optional bean: a unique or foreign-key violation without an entry is still a 409, only with a
 * generic text instead of a field.
 */
public interface ConstraintConflicts {

    Optional<Problem.Violation> violationFor(String constraintName);
}
