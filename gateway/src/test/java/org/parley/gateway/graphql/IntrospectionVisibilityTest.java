package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.GraphqlFieldVisibility;
import graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The prod profile's no-introspection visibility, answered by a prefix test (IntrospectionVisibility) instead of
 * graphql-java's regular expression per field: it must hide exactly what graphql-java's hides, everywhere in the
 * real schema (introspection types included), and be installed only in place of graphql-java's.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class IntrospectionVisibilityTest {

    @Inject
    GraphQLSchema schema;

    @Test
    void hidesExactlyWhatGraphqlJavasNoIntrospectionHides() {
        GraphqlFieldVisibility theirs = NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY;
        GraphqlFieldVisibility ours = IntrospectionVisibility.NoIntrospection.INSTANCE;
        int hidden = 0, shown = 0;
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLFieldsContainer container) {
                assertEquals(theirs.getFieldDefinitions(container), ours.getFieldDefinitions(container), type.getName());
                for (String name : namesToAsk(container.getFieldDefinitions().stream().map(f -> f.getName()).toList())) {
                    assertSame(theirs.getFieldDefinition(container, name), ours.getFieldDefinition(container, name),
                            type.getName() + "." + name);
                    if (container.getFieldDefinition(name) != null) {
                        if (ours.getFieldDefinition(container, name) == null) {
                            hidden++;
                        } else {
                            shown++;
                        }
                    }
                }
            }
            if (type instanceof GraphQLInputFieldsContainer input) {
                assertEquals(theirs.getFieldDefinitions(input), ours.getFieldDefinitions(input), type.getName());
                for (String name : namesToAsk(input.getFieldDefinitions().stream().map(f -> f.getName()).toList())) {
                    assertSame(theirs.getFieldDefinition(input, name), ours.getFieldDefinition(input, name),
                            type.getName() + "." + name);
                }
            }
        }
        // Both kinds were compared: the introspection types' fields (hidden) and the API's own (shown).
        assertTrue(hidden > 20, "hidden fields compared: " + hidden);
        assertTrue(shown > 100, "visible fields compared: " + shown);
    }

    @Test
    void replacesOnlyGraphqlJavasNoIntrospectionVisibility() {
        GraphQLSchema locked = schema.transformWithoutTypes(builder -> builder.codeRegistry(schema.getCodeRegistry()
                .transform(registry -> registry.fieldVisibility(
                        NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY))));
        GraphQLSchema cheaper = IntrospectionVisibility.cheaper(locked);
        assertSame(IntrospectionVisibility.NoIntrospection.INSTANCE, cheaper.getCodeRegistry().getFieldVisibility());
        // the rest of the schema is the same: types, and the code registry's fetchers
        assertSame(locked.getQueryType(), cheaper.getQueryType());
        assertEquals(locked.getAllTypesAsList(), cheaper.getAllTypesAsList());
        var events = schema.getQueryType().getFieldDefinition("events");
        assertSame(locked.getCodeRegistry().getDataFetcher(schema.getQueryType(), events),
                cheaper.getCodeRegistry().getDataFetcher(schema.getQueryType(), events));

        // the test profile's schema shows everything: left as it is
        assertFalse(schema.getCodeRegistry().getFieldVisibility() instanceof NoIntrospectionGraphqlFieldVisibility);
        assertSame(schema, IntrospectionVisibility.cheaper(schema));
    }

    /** Every field's name, plus names no type has and the meta field every type answers. */
    private static List<String> namesToAsk(List<String> fields) {
        List<String> names = new ArrayList<>(fields);
        names.add("__typename");
        names.add("noSuchField");
        return names;
    }
}
