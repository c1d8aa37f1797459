package org.parley.gateway.graphql;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;

import graphql.GraphQL;
import io.smallrye.graphql.spi.EventingService;

/**
 * Fires SmallRye's {@code GraphQL.Builder} as a CDI event (observed by {@link DocumentGuards}), without SmallRye's
 * CDI events service.
 * <p>
 * With {@code quarkus.smallrye-graphql.events.enabled} SmallRye fires that one event, but also three CDI events per
 * resolver call (before data fetch, before invoke, after data fetch; an ArC observer resolution each, observed by
 * nobody here): tens per request. This service is the part the gateway needs: the same {@code CDI.current()}
 * firing as SmallRye's EventsService, for the builder only. It holds nothing of the application (SmallRye's emitter,
 * which keeps the service instances, is a static singleton): CDI.current() finds the running one, also after a
 * test restarted the application.
 * Registered in META-INF/services; Quarkus registers every EventingService provider on the classpath for native
 * images (ServiceProviderBuildItem.allProvidersFromClassPath).
 */
public class GraphQLBuildHook implements EventingService {

    @Override
    public String getConfigKey() {
        // SmallRye enables a service whose key is null unconditionally.
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        BeanManager beans = CDI.current().getBeanManager();
        beans.getEvent().select(GraphQL.Builder.class).fire(builder);
        return builder;
    }
}
