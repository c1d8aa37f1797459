package org.parley.gateway.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import graphql.GraphQL;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.GraphqlFieldVisibility;
import graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility;

/**
 * The prod profile's {@code field-visibility=no-introspection}, answered without a regular expression per field.
 * <p>
 * graphql-java's NoIntrospectionGraphqlFieldVisibility hides every field of the introspection types ({@code __Schema},
 * {@code __Type} …) by matching the text {@code Type.field} against the pattern {@code __.*}, and graphql-java asks
 * the visibility for every field it executes: ~2 % of the gateway's CPU on a page of events (JFR, benchmark 6). This
 * visibility hides the same fields (those of a type whose name starts with {@code __}; {@code __typename} and the
 * schema's own fields stay visible), by a prefix test. It replaces graphql-java's only in the schema the engine
 * executes with, and only where that one is configured; documents are still validated against the schema as built
 * ({@link ParsedDocuments}, once per text), with the same outcome ({@code IntrospectionVisibilityTest} compares both
 * for every field of the real schema).
 */
@ApplicationScoped
public class IntrospectionVisibility {

    private final Instance<GraphQLSchema> schema;

    public IntrospectionVisibility(Instance<GraphQLSchema> schema) {
        this.schema = schema;
    }

    void install(@Observes GraphQL.Builder builder) {
        if (schema.isResolvable()) {
            GraphQLSchema built = schema.get();
            GraphQLSchema cheaper = cheaper(built);
            if (cheaper != built) {
                builder.schema(cheaper);
            }
        }
    }

    /** The schema with this visibility where it has graphql-java's no-introspection one; else the schema itself. */
    static GraphQLSchema cheaper(GraphQLSchema schema) {
        if (!(schema.getCodeRegistry().getFieldVisibility() instanceof NoIntrospectionGraphqlFieldVisibility)) {
            return schema;
        }
        return schema.transformWithoutTypes(builder -> builder.codeRegistry(
                schema.getCodeRegistry().transform(registry -> registry.fieldVisibility(NoIntrospection.INSTANCE))));
    }

    static final class NoIntrospection implements GraphqlFieldVisibility {
        static final NoIntrospection INSTANCE = new NoIntrospection();

        private static boolean hidden(String typeName) {
            return typeName.startsWith("__");
        }

        @Override
        public List<GraphQLFieldDefinition> getFieldDefinitions(GraphQLFieldsContainer container) {
            return hidden(container.getName()) ? List.of() : container.getFieldDefinitions();
        }

        @Override
        public GraphQLFieldDefinition getFieldDefinition(GraphQLFieldsContainer container, String name) {
            return hidden(container.getName()) ? null : container.getFieldDefinition(name);
        }

        @Override
        public List<GraphQLInputObjectField> getFieldDefinitions(GraphQLInputFieldsContainer container) {
            return hidden(container.getName()) ? List.of() : container.getFieldDefinitions();
        }

        @Override
        public GraphQLInputObjectField getFieldDefinition(GraphQLInputFieldsContainer container, String name) {
            return hidden(container.getName()) ? null : container.getFieldDefinition(name);
        }
    }
}
