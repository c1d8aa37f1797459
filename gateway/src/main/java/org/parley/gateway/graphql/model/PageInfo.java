package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Description;

/**
 * Relay's PageInfo. {@code hasPreviousPage} is true when the page was asked {@code after} a cursor (Relay lets
 * a forward-paging server say so; every cursor this API gives out follows at least one item), {@code startCursor}
 * is the first edge's cursor.
 */
public record PageInfo(boolean hasNextPage, String endCursor,
        @Description("True when the page was asked after a cursor: items precede it") boolean hasPreviousPage,
        @Description("The cursor of the first edge; null when the page is empty") String startCursor) {
}
