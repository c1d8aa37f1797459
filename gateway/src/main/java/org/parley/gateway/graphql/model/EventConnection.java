package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record EventConnection(@NonNull List<@NonNull EventEdge> edges, @NonNull PageInfo pageInfo,
        @Description("The number of matching events, counted up to a limit (10,000 by default): with more matches "
                + "it is that limit and totalCountIsExact is false (shown as 10,000+)") int totalCount,
        @Description("False when there are more matching events than totalCount says: counting stopped at its limit")
        boolean totalCountIsExact) {
}
