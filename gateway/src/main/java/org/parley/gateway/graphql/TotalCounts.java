package org.parley.gateway.graphql;

import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import io.smallrye.graphql.api.Context;

/**
 * Whether a request selects a connection's {@code totalCount} (or {@code totalCountIsExact}, which needs
 * the same count). events-service counts every match only
 * when asked (count=true): at 1,000,000 events the count costs ~100 ms, the page itself ~1 ms. So the
 * gateway asks for it only when the document selects it.
 *
 * <p>
 * Both methods read SmallRye's {@link Context}, which holds the field being resolved only while the
 * resolver method runs: call them in the method body, not inside a deferred Uni.
 */
final class TotalCounts {

    private static final String TOTAL_COUNT = "totalCount";
    private static final String TOTAL_COUNT_IS_EXACT = "totalCountIsExact";

    private TotalCounts() {
    }

    /** For a field resolved on its own (a root field): its own selection, fragments included. */
    static boolean selectedHere(Context context) {
        var selection = context.unwrap(DataFetchingEnvironment.class).getSelectionSet();
        return selection.contains(TOTAL_COUNT) || selection.contains(TOTAL_COUNT_IS_EXACT);
    }

    /**
     * For a batched field ({@code @Source List<…>}): whether any occurrence of {@code type.field} in the
     * operation selects totalCount. The batch runs once for all its sources with the environment of the
     * first one, and SmallRye's DataLoader answers a source asked again later in the request from its
     * cache: so {@code a: actor { events { edges … } } b: actor { events { totalCount } }} must count for
     * both. graphql-java's normalized operation resolves fragments, inline fragments and
     * {@code @skip}/{@code @include} by type.
     */
    static boolean selectedAnywhere(Context context, String type, String field) {
        DataFetchingEnvironment dfe = context.unwrap(DataFetchingEnvironment.class);
        ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperation(dfe.getGraphQLSchema(), dfe.getOperationDefinition(),
                        dfe.getFragmentsByName(), CoercedVariables.of(dfe.getVariables()));
        return operation.getCoordinatesToNormalizedFields().get(FieldCoordinates.coordinates(type, field)).stream()
                .anyMatch(occurrence -> occurrence.getChildren().stream()
                        .anyMatch(child -> TOTAL_COUNT.equals(child.getName())
                                || TOTAL_COUNT_IS_EXACT.equals(child.getName())));
    }
}
