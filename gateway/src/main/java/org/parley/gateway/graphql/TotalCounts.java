package org.parley.gateway.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/**
 * Whether a request selects a connection's {@code totalCount} (or {@code totalCountIsExact}, which needs
 * the same count). events-service counts every match only
 * when asked (count=true): at 1,000,000 events the count costs ~100 ms, the page itself ~1 ms. So the
 * gateway asks for it only when the document selects it.
 *
 * <p>
 * It reads SmallRye's {@link Context}, which holds the field being resolved only while the resolver method
 * runs: call it in the method body, not inside a deferred Uni. (Batched fields are gone: each parent's
 * field resolves with its own selection, and the loaders merge the calls.)
 */
final class TotalCounts {

    private static final String TOTAL_COUNT = "totalCount";
    private static final String TOTAL_COUNT_IS_EXACT = "totalCountIsExact";

    private TotalCounts() {
    }

    /** For the field being resolved (a root field, or one parent's Actor.events): its selection, fragments included. */
    static boolean selectedHere(Context context) {
        return selectedHere(context.unwrap(DataFetchingEnvironment.class));
    }

    /** The same, for a field fetched without SmallRye's context (LoaderFetchers: Actor.events). */
    static boolean selectedHere(DataFetchingEnvironment field) {
        var selection = field.getSelectionSet();
        return selection.contains(TOTAL_COUNT) || selection.contains(TOTAL_COUNT_IS_EXACT);
    }
}
