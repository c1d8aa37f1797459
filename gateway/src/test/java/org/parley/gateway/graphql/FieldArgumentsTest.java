package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;
import org.parley.gateway.graphql.model.Actor;
import org.parley.gateway.graphql.model.ActorKind;
import org.parley.gateway.graphql.model.EventFilter;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link FieldArguments} hands a served field's resolver the same parameter values as SmallRye's ArgumentHelper (the
 * JSON-B round trip it replaces for input objects): every field with arguments, run on the served schema by
 * graphql-java itself (literals, variables, defaults, list coercion), both conversions on the same environment. A
 * value it does not read (a bad date) ends in SmallRye's own error.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class FieldArgumentsTest {

    private static final List<String> FIELDS_WITH_ARGUMENTS = List.of("Query.actor", "Query.actors", "Query.event",
            "Query.events", "Query.place", "Query.dyad", "Query.eventTypes", "Actor.events", "Actor.counterparts");

    private static final String FULL_FILTER = "{actorIds: [\"a1\", \"a2\"], dyad: {a: \"a1\", b: \"a3\"}, "
            + "codes: [\"042\", \"0431\"], rootCodes: [\"04\"], quadClasses: [1, 4], statuses: [OCCURRED, CANCELLED], "
            + "from: \"2024-02-29\", to: \"2025-01-01\", placeIds: [\"p1\"], text: \"ceasefire -Gaza\", "
            + "includeSectors: true}";

    @Inject
    GraphQLSchema schema;

    @Test
    void everyServedFieldWithArgumentsIsReadWithoutSmallRyesHelper() {
        for (String field : FIELDS_WITH_ARGUMENTS) {
            assertTrue(served(field).arguments().readsAllHere(), field);
        }
    }

    @Test
    void anEventFilterComesOutAsSmallRyeBindsItWhateverItHolds() {
        sameFor("Query.events", "{ events { totalCount } }");
        sameFor("Query.events", "{ events(filter: {}) { totalCount } }");
        sameFor("Query.events", "{ events(filter: " + FULL_FILTER + ", first: 5, after: \"c\", orderBy: RELEVANCE) "
                + "{ totalCount } }");
        sameFor("Query.events", "{ events(filter: {actorIds: [], codes: [], statuses: [], quadClasses: []}) "
                + "{ totalCount } }");
        // a single value where a list is expected is a list of one (GraphQL's input coercion)
        sameFor("Query.events", "{ events(filter: {actorIds: \"a1\", statuses: SCHEDULED, quadClasses: 2}) "
                + "{ totalCount } }");
        sameFor("Query.events", "{ events(filter: {actorIds: [null, \"a1\"], from: null, text: null, "
                + "includeSectors: false}, orderBy: START_ASC) { totalCount } }");
        for (String status : List.of("OCCURRED", "ANNOUNCED", "SCHEDULED", "CANCELLED")) {
            sameFor("Query.events", "{ events(filter: {statuses: [" + status + "]}, orderBy: START_DESC) "
                    + "{ totalCount } }");
        }
    }

    @Test
    void variablesComeOutAsLiteralsDo() {
        Map<String, Object> filter = new HashMap<>();
        filter.put("actorIds", Arrays.asList("a1", null));
        filter.put("dyad", Map.of("a", "a1", "b", "a2"));
        filter.put("statuses", List.of("ANNOUNCED"));
        filter.put("quadClasses", List.of(3));
        filter.put("from", "2024-12-18");
        filter.put("to", "2024-12-18");
        filter.put("text", "talks");
        filter.put("placeIds", null);
        List<List<Object>> values = sameFor("Query.events",
                "query Page($f: EventFilter, $n: Int, $o: EventOrder) { events(filter: $f, first: $n, orderBy: $o) "
                        + "{ totalCount } }",
                Map.of("f", filter, "n", 7, "o", "START_ASC"));
        EventFilter read = (EventFilter) values.get(0).get(0);
        assertEquals(java.time.LocalDate.of(2024, 12, 18), read.from());
        assertEquals(Arrays.asList("a1", null), read.actorIds());
        sameFor("Query.events", "query Page($from: Date, $to: Date) { "
                + "events(first: 20, filter: {from: $from, to: $to}) "
                + "{ totalCount } }", Map.of("from", "2024-12-18", "to", "2024-12-31"));
    }

    @Test
    void theOtherRootReadsComeOutAsSmallRyeConvertsThem() {
        sameFor("Query.actor", "{ actor(id: \"a1\") { name } }");
        sameFor("Query.event", "{ event(id: \"e1\") { title } }");
        sameFor("Query.place", "{ place(id: \"p1\") { name } }");
        sameFor("Query.eventTypes", "{ eventTypes { code } }");
        sameFor("Query.eventTypes", "{ eventTypes(rootCode: \"04\") { code } }");
        sameFor("Query.actors", "{ actors { totalCount } }");
        sameFor("Query.actors", "{ actors(filter: {}, first: 0) { totalCount } }");
        for (ActorKind kind : ActorKind.values()) {
            sameFor("Query.actors", "{ actors(filter: {text: \"Witkoff\", kinds: [" + kind + "], country: \"USA\"}, "
                    + "after: \"x\") { totalCount } }");
        }
        sameFor("Query.actors", "{ actors(filter: {kinds: [STATE, PERSON, null]}) { totalCount } }");
        for (String interval : List.of("MONTH", "WEEK", "YEAR")) {
            sameFor("Query.dyad", "{ dyad(a: \"a1\", b: \"a2\", interval: " + interval + ", from: \"2025-01-01\", "
                    + "to: \"2025-12-31\") { a { name } } }");
        }
        sameFor("Query.dyad", "{ dyad(a: \"a1\", b: \"a2\") { a { name } } }");
    }

    @Test
    void anActorsFieldsGetTheActorAsSourceAndTheirArgumentsAsSmallRyeConvertsThem() {
        sameFor("Actor.events", "{ actor(id: \"a1\") { events { totalCount } } }");
        sameFor("Actor.events", "{ actor(id: \"a1\") { events(filter: " + FULL_FILTER + ", first: 3, after: \"c\") "
                + "{ totalCount } } }");
        sameFor("Actor.counterparts", "{ actor(id: \"a1\") { counterparts { count } } }");
        sameFor("Actor.counterparts", "{ actor(id: \"a1\") { counterparts(limit: 3) { count } } }");
    }

    @Test
    void aDateThatDoesNotParseFailsAsSmallRyeFailsIt() {
        Captured notADate = capture("Query.events", "{ events(filter: {from: \"2024-13-01\"}) { totalCount } }",
                Map.of());
        assertInstanceOf(Exception.class, notADate.smallRyes, "SmallRye's helper accepts month 13");
        // whatever SmallRye makes of these (an error, or a date it resolves), the served field gets the same
        for (String date : List.of("2024-13-01", "2023-02-29", "2024-04-31", "yesterday", "2024-1-1", "20241218", "")) {
            Captured captured = capture("Query.events", "{ events(filter: {from: \"" + date + "\"}) { totalCount } }",
                    Map.of());
            if (captured.smallRyes instanceof Exception expected) {
                Exception actual = assertInstanceOf(Exception.class, captured.ours, date);
                assertEquals(expected.getClass(), actual.getClass(), date);
                assertEquals(expected.getMessage(), actual.getMessage(), date);
            } else {
                assertEquals(captured.smallRyes, captured.ours, date);
            }
        }
    }

    private List<List<Object>> sameFor(String field, String document) {
        return sameFor(field, document, Map.of());
    }

    /**
     * Runs the document; for the field, our values (read here, without SmallRye's helper) and SmallRye's on the same
     * environment: equal, none failed.
     */
    private List<List<Object>> sameFor(String field, String document, Map<String, Object> variables) {
        Captured captured = capture(field, document, variables);
        assertFalse(captured.smallRyes instanceof Exception, () -> document + ": " + captured.smallRyes);
        assertFalse(captured.readHere instanceof Exception, () -> document + " not read here: " + captured.readHere);
        assertEquals(captured.smallRyes, captured.readHere, document);
        assertEquals(captured.smallRyes, captured.ours, document);
        return List.of((List<Object>) captured.ours, (List<Object>) captured.smallRyes);
    }

    private static final class Captured {
        /** FieldArguments' own reading (no fallback to SmallRye's helper), and what it hands the resolver. */
        Object readHere;
        Object ours;
        Object smallRyes;
    }

    /**
     * The served schema with the field's fetcher replaced by one that converts its arguments both ways (ours first:
     * SmallRye's helper writes converted values back into graphql-java's map), and Query.actor answering an actor
     * (the source of Actor's fields).
     */
    private Captured capture(String field, String document, Map<String, Object> variables) {
        FieldArguments arguments = served(field).arguments();
        Captured captured = new Captured();
        DataFetcher<Object> capturing = env -> {
            captured.readHere = attempt(() -> arguments.readHere(env));
            captured.ours = attempt(() -> arguments.of(env));
            captured.smallRyes = attempt(() -> arguments.bySmallRye(env));
            return null;
        };
        Actor actor = new Actor("a1", "Steve Witkoff", ActorKind.PERSON, List.of(), "USA", null, null, null, 1);
        String[] parts = field.split("\\.");
        GraphQLCodeRegistry registry = schema.getCodeRegistry().transform(b -> {
            b.dataFetcher(FieldCoordinates.coordinates("Query", "actor"), (DataFetcher<Object>) env -> actor);
            b.dataFetcher(FieldCoordinates.coordinates(parts[0], parts[1]), capturing);
        });
        GraphQLSchema capturingSchema = schema.transform(b -> b.codeRegistry(registry));
        ExecutionResult result = GraphQL.newGraphQL(capturingSchema).build()
                .execute(ExecutionInput.newExecutionInput(document).variables(variables).build());
        List<Object> notRun = new ArrayList<>(result.getErrors());
        assertTrue(captured.ours != null || captured.smallRyes != null, () -> document + " did not reach " + field
                + ": " + notRun);
        return captured;
    }

    @FunctionalInterface
    private interface Conversion {
        List<Object> run() throws Exception;
    }

    private static Object attempt(Conversion conversion) {
        try {
            return conversion.run();
        } catch (Exception e) {
            return e;
        }
    }

    private LoaderFetchers.LoaderFetcher<?> served(String field) {
        return assertInstanceOf(LoaderFetchers.LoaderFetcher.class, Fetchers.of(schema, field), field);
    }
}
