package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import graphql.schema.GraphQLSchema;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The fields answered by a keyed loader, and the root reads, are served by {@link LoaderFetchers} (the DataLoader's
 * or the backend call's future, mapped), not by SmallRye's Uni data fetcher, which costs a context clone, a request-context switch and a Uni chain per
 * field and object. Fails when one falls back (the service not registered, a SmallRye upgrade changing the SPI, a
 * renamed resolver method), and names it; that the answers and errors stay the same is what BatchingTest,
 * FailureTest, TotalCountTest and BadInputTest pin.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class LoaderFetchersTest {

    private static final List<String> LOADER_FIELDS = List.of("Participant.actor", "Source.speaker",
            "Counterpart.actor", "Dyad.a", "Dyad.b", "Event.type", "Event.location", "Event.subjects",
            "Place.parent", "RelatedEvent.event", "Actor.relationships", "Relationship.other", "Actor.events",
            "Actor.counterparts", "Query.actor", "Query.actors", "Query.event", "Query.events", "Query.place",
            "Query.dyad", "Query.eventTypes");

    @Inject
    GraphQLSchema schema;

    @Test
    void everyLoaderFieldReturnsTheLoadersFutureWithoutSmallRyesWrapper() {
        for (String field : LOADER_FIELDS) {
            assertInstanceOf(LoaderFetchers.LoaderFetcher.class, Fetchers.of(schema, field), field);
        }
        assertEquals(LOADER_FIELDS.size(), LoaderFetchers.fields().size(),
                "a field in LoaderFetchers' table that this test does not name (or one named twice)");
    }
}
