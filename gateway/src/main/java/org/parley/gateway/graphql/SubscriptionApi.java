package org.parley.gateway.graphql;

import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.parley.gateway.client.EventStreamClient;
import org.parley.gateway.graphql.model.Event;
import org.parley.gateway.graphql.model.EventFilter;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Live events over graphql-transport-ws. All subscribers share one upstream SSE connection
 * ({@link EventStreamClient}); each filters it with its own EventFilter. Nested fields (participants'
 * actors, places) resolve through the same batched resolvers as queries. The upstream stream resumes
 * after any disconnect without loss; when it cannot (events-service's change log no longer holds the
 * gap), every subscription ends with an error whose {@code extensions.code} is RESYNC_REQUIRED.
 */
@GraphQLApi
public class SubscriptionApi {

    static final String RESYNC_MESSAGE = "Live updates were interrupted and changes may have been missed:"
            + " refetch what you show, then subscribe again";

    private final EventStreamClient stream;
    private final Access access;

    public SubscriptionApi(EventStreamClient stream, Access access) {
        this.stream = stream;
        this.access = access;
    }

    @Subscription
    @Description("Events recorded from now on that match the filter")
    public Multi<Event> eventRecorded(EventFilter filter) {
        return events(filter, Set.of("RECORDED"));
    }

    @Subscription
    @Description("Events recorded or updated from now on that match the filter")
    public Multi<Event> eventChanged(EventFilter filter) {
        return events(filter, Set.of("RECORDED", "UPDATED"));
    }

    private Multi<Event> events(EventFilter filter, Set<String> changes) {
        // Checked now, while the operation (and its connection_init token) is current, not on subscription.
        Uni<Void> allowed = access.requireReader();
        return Uni.createFrom().item(() -> EventMatcher.of(filter))
                .call(() -> allowed)
                .onFailure().transform(GatewayError::from)
                .onItem().transformToMulti((Predicate<Event> matches) -> stream.changes()
                        .invoke(c -> {
                            if (c.isReset()) {
                                // ends this subscription with an error the client acts on: refetch, resubscribe
                                throw GatewayError.of(GatewayError.RESYNC_REQUIRED, RESYNC_MESSAGE);
                            }
                        })
                        .filter(c -> c.event() != null && changes.contains(c.change()))
                        .map(c -> Mapping.event(c.event()))
                        .filter(matches));
    }
}
