package org.parley.gateway.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/** The data fetcher the served schema uses for a field, named {@code Type.field}. */
final class Fetchers {

    private Fetchers() {
    }

    static DataFetcher<?> of(GraphQLSchema schema, String field) {
        String[] parts = field.split("\\.");
        GraphQLObjectType object = schema.getObjectType(parts[0]);
        GraphQLFieldDefinition definition = object.getFieldDefinition(parts[1]);
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(object, definition), definition);
    }
}
