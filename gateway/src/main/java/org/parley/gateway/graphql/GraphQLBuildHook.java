package org.parley.gateway.graphql;

import graphql.GraphQL;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hands SmallRye's GraphQL builder to {@link DocumentGuards} (its instrumentations and document provider), as a
 * SmallRye eventing service that is always on ({@code META-INF/services}; Quarkus registers every such provider
 * for native images too).
 * <p>
 * Not a CDI observer of {@code GraphQL.Builder}: that needs {@code quarkus.smallrye-graphql.events.enabled}, which
 * also makes SmallRye fire three CDI events (before and after the data fetch, before the method invocation) for
 * every resolved field of every request, each resolved through the bean manager: measurable CPU per field, for
 * events nothing here observes.
 */
public class GraphQLBuildHook implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Arc.container().instance(DocumentGuards.class).get().install(builder);
        return builder;
    }
}
