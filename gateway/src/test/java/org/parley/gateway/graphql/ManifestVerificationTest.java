package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.language.ScalarTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A manifest that cannot be served stops the start, with a message naming the manifest, the hash and why: a key
 * that is not the SHA-256 of its document, a document that does not parse or does not fit the schema
 * (gateway/schema.graphql, the checked-in snapshot). Both manifest formats are read.
 */
class ManifestVerificationTest {

    private static final String GOOD = "query A($id: ID!) { actor(id: $id) { name } }";

    /** The checked-in snapshot, plus the custom scalars SmallRye does not print into it. */
    private static GraphQLSchema schema() throws IOException {
        TypeDefinitionRegistry types = new SchemaParser().parse(Files.readString(Path.of("schema.graphql")));
        for (String scalar : List.of("Date", "DateTime", "BigDecimal", "BigInteger", "Long")) {
            if (types.getType(scalar).isEmpty()) {
                types.add(ScalarTypeDefinition.newScalarTypeDefinition().name(scalar).build());
            }
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }

    private static Map<String, PersistedDocuments.Source> manifest(Map<String, String> entries) {
        Map<String, PersistedDocuments.Source> sources = new LinkedHashMap<>();
        PersistedDocuments.read(new JsonObject(new LinkedHashMap<>(entries)).encode(), "test.json")
                .forEach(s -> sources.put(s.hash(), s));
        return sources;
    }

    @Test
    void acceptsDocumentsKeyedByTheirSha256ThatFitTheSchema() throws IOException {
        List<PersistedDocuments.Stored> stored = PersistedDocuments.verify(
                manifest(Map.of(PersistedDocuments.sha256(GOOD), GOOD)), schema());
        assertEquals(1, stored.size());
        assertEquals(GOOD, stored.get(0).text());
    }

    @Test
    void refusesAKeyThatIsNotTheDocumentsSha256() {
        String wrong = PersistedDocuments.sha256(GOOD + " ");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PersistedDocuments.verify(manifest(Map.of(wrong, GOOD)), schema()));
        assertTrue(e.getMessage().contains("test.json, " + wrong + ": the key is not the SHA-256 of the document "
                + "(that is " + PersistedDocuments.sha256(GOOD) + ")"), e.getMessage());
    }

    @Test
    void refusesDocumentsThatDoNotParseOrDoNotFitTheSchemaAndNamesEveryOne() {
        String broken = "query { actor(id: ";
        String unknownField = "query B { actor(id: \"x\") { salary } }";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PersistedDocuments.verify(manifest(Map.of(PersistedDocuments.sha256(broken), broken,
                        PersistedDocuments.sha256(unknownField), unknownField)), schema()));
        assertTrue(e.getMessage().startsWith("Refusing to start: 2 trusted document(s) cannot be served"),
                e.getMessage());
        assertTrue(e.getMessage().contains(PersistedDocuments.sha256(broken) + ": the document does not parse"),
                e.getMessage());
        assertTrue(e.getMessage().contains(PersistedDocuments.sha256(unknownField)
                + ": the document does not fit the schema"), e.getMessage());
    }

    @Test
    void readsApolloPersistedQueryManifests() {
        String json = new JsonObject().put("format", "apollo-persisted-query-manifest").put("version", 1)
                .put("operations", new JsonArray().add(new JsonObject().put("id", PersistedDocuments.sha256(GOOD))
                        .put("name", "A").put("type", "query").put("body", GOOD))).encode();
        List<PersistedDocuments.Source> sources = PersistedDocuments.read(json, "apollo.json");
        assertEquals(List.of(new PersistedDocuments.Source(PersistedDocuments.sha256(GOOD), GOOD, "apollo.json")),
                sources);
    }

    @Test
    void refusesManifestsThatAreNotOne() {
        assertThrows(IllegalStateException.class, () -> PersistedDocuments.read("[1, 2]", "list.json"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PersistedDocuments.read("{\"abc\": 42}", "numbers.json"));
        assertEquals("Refusing to start: the trusted documents manifest numbers.json maps abc to something other "
                + "than a document string", e.getMessage());
    }
}
