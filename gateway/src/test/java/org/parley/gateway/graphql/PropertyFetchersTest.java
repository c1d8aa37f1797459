package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;
import org.parley.gateway.graphql.model.DyadPeriod;
import org.parley.gateway.graphql.model.QuadCount;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;

/**
 * Plain properties of the model records are served by {@link PropertyFetchers} (an accessor call), not by
 * SmallRye's FieldDataFetcher, which costs a context clone and two selected-field JSON builds per field and object.
 * Fails when a trivial field falls back to FieldDataFetcher again (the service not registered, a SmallRye upgrade
 * changing the SPI, a new field the rule does not admit), and names it.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class PropertyFetchersTest {

    /**
     * The fields SmallRye must keep serving (adapters, maps, sets, arrays, optionals, lists of lists or of
     * transformed scalars: see PropertyFetchers.getFieldDataFetcher). The schema has none today; a new field
     * belongs here only when SmallRye has to adapt it.
     */
    private static final Set<String> SMALLRYE_ADAPTS = Set.of();

    @Inject
    GraphQLSchema schema;

    @Test
    void trivialFieldsAreReadByTheirAccessorOnly() {
        Set<String> smallRye = new TreeSet<>();
        for (var type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                DataFetcher<?> fetcher = schema.getCodeRegistry()
                        .getDataFetcher(FieldCoordinates.coordinates(object, field), field);
                if (fetcher instanceof FieldDataFetcher) {
                    smallRye.add(object.getName() + "." + field.getName());
                }
            }
        }
        assertEquals(new TreeSet<>(SMALLRYE_ADAPTS), smallRye,
                "fields served by SmallRye's FieldDataFetcher (per field: a context clone and two JSON builds); a "
                        + "plain property belongs to PropertyFetchers, see PropertyFetchers.getFieldDataFetcher");
    }

    @Test
    void aPageOfEventsReadsItsPropertiesDirectly() {
        for (String field : new String[] { "Event.title", "Event.id", "Event.participants", "Participant.role",
                "Actor.name", "Actor.aliases", "EventConnection.edges", "PageInfo.hasNextPage", "EventEdge.node",
                "Event.version", "Place.latitude", "DyadPeriod.count", "Event.start", "DyadPeriod.period",
                "Source.publishedAt" }) {
            assertInstanceOf(PropertyFetchers.PropertyFetcher.class, Fetchers.of(schema, field), field);
        }
    }

    /**
     * graphql-java hands a LightDataFetcher the source object and builds the field's DataFetchingEnvironment only
     * if the fetcher asks for it: a property never does, and reads the same value either way (a transformed date
     * as text, a number as it is, a list as the same items).
     */
    @Test
    void aPropertyIsReadFromItsSourceWithoutTheFieldsEnvironment() throws Exception {
        DyadPeriod period = new DyadPeriod(LocalDate.of(2025, 11, 1), 7, -1.5, List.of(new QuadCount(1, 7)));
        Supplier<DataFetchingEnvironment> never = () -> {
            throw new AssertionError("a property fetcher built the field's environment");
        };
        for (String field : new String[] { "DyadPeriod.period", "DyadPeriod.count", "DyadPeriod.goldsteinMean",
                "DyadPeriod.quadCounts" }) {
            LightDataFetcher<?> light = assertInstanceOf(LightDataFetcher.class, Fetchers.of(schema, field), field);
            Object viaSource = light.get(null, period, never);
            Object viaEnvironment = light.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                    .source(period).build());
            assertEquals(viaEnvironment, viaSource, field);
        }
        assertEquals("2025-11-01", ((LightDataFetcher<?>) Fetchers.of(schema, "DyadPeriod.period")).get(null, period,
                never));
    }
}
