package org.parley.gateway.graphql;

import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

/**
 * Whether a request selects a connection's {@code totalCount} (or {@code totalCountIsExact}, which needs
 * the same count). events-service counts every match only
 * when asked (count=true): at 1,000,000 events the count costs ~100 ms, the page itself ~1 ms. So the
 * gateway asks for it only when the document selects it.
 *
 * <p>
 * Read from the field's own selection in the document: its occurrences (aliases of one field merged), their direct
 * subfields, inline fragments and fragment spreads, each with its {@code @skip}/{@code @include} decided on the
 * request's variables as graphql-java decides them. graphql-java's {@code getSelectionSet().contains(…)} gives the same
 * answer, but builds the field's whole normalized sub-tree to do so (every edge, node and participant below): 2 % of
 * a page request's CPU for one yes or no.
 */
final class TotalCounts {

    private static final String TOTAL_COUNT = "totalCount";
    private static final String TOTAL_COUNT_IS_EXACT = "totalCountIsExact";

    private TotalCounts() {
    }

    /** For the field being resolved (a root field, or one parent's Actor.events): its selection, fragments included. */
    static boolean selectedHere(DataFetchingEnvironment field) {
        for (Field occurrence : field.getMergedField().getFields()) {
            if (selects(occurrence.getSelectionSet(), field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(SelectionSet selections, DataFetchingEnvironment field) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field subfield) {
                String name = subfield.getName();
                if ((TOTAL_COUNT.equals(name) || TOTAL_COUNT_IS_EXACT.equals(name)) && included(subfield, field)) {
                    return true;
                }
            } else if (selection instanceof InlineFragment inline) {
                // Its type condition is the connection itself (no interface or union has a count): only @skip/@include.
                if (included(inline, field) && selects(inline.getSelectionSet(), field)) {
                    return true;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = field.getFragmentsByName().get(spread.getName());
                if (fragment != null && included(spread, field) && selects(fragment.getSelectionSet(), field)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean included(DirectivesContainer<?> node, DataFetchingEnvironment field) {
        return OperationWalk.included(node, field.getVariables());
    }
}
