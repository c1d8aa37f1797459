package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.InvalidSyntaxException;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/** Issue 16: one parse and one validation per distinct document text, shared by the HTTP layer and graphql-java. */
class ParsedDocumentsTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { name: String count: Int }"), RuntimeWiring.MOCKED_WIRING);

    private final ParsedDocuments documents = new ParsedDocuments(() -> SCHEMA);

    @Test
    void parsesATextOnceAndHandsGraphqlJavaTheSameDocument() {
        ParsedDocuments.Parsed first = documents.parse("{ name }");
        assertSame(first, documents.parse("{ name }"), "the second request with the same text is not parsed again");
        PreparsedDocumentEntry entry = documents.entry(ExecutionInput.newExecutionInput("{ name }").build());
        assertFalse(entry.hasErrors());
        assertSame(first.document(), entry.getDocument(), "graphql-java runs the document the HTTP layer parsed");
    }

    @Test
    void validatesADocumentOnceAndKeepsItsErrors() {
        ParsedDocuments.Parsed invalid = documents.parse("{ name unknown }");
        assertEquals(1, documents.errors(invalid).size());
        assertSame(documents.errors(invalid), documents.errors(invalid), "validated once, then the kept result");
        assertTrue(documents.errors(documents.parse("{ count }")).isEmpty());
        PreparsedDocumentEntry entry = documents.entry(ExecutionInput.newExecutionInput("{ name unknown }").build());
        assertEquals(ErrorType.ValidationError, entry.getErrors().get(0).getErrorType());
    }

    @Test
    void answersSyntaxErrorsAsGraphqlJavaWouldAndKeepsNoUnparsableText() {
        assertThrows(InvalidSyntaxException.class, () -> documents.parse("{ name"));
        assertNull(documents.cached("{ name"));
        PreparsedDocumentEntry entry = documents.entry(ExecutionInput.newExecutionInput("{ name").build());
        assertEquals(ErrorType.InvalidSyntax, entry.getErrors().get(0).getErrorType());
    }

    @Test
    void forgetsTheLeastRecentlyUsedTextFirstWhenFull() {
        documents.parse("{ name }");
        documents.parse("{ count }");
        for (int i = 0; i < ParsedDocuments.MAX_ENTRIES - 2; i++) {
            documents.parse("{ a" + i + ": name }");
        }
        documents.parse("{ name }"); // used again: now the most recent
        documents.parse("{ one: name two: count }"); // one more than the cache holds
        assertNotNull(documents.cached("{ name }"));
        assertNull(documents.cached("{ count }"), "the least recently used text left first");
    }
}
