package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * The production complexity limit against the documents the app itself sends: every operation of the examples
 * fits; the same shape asking 100 items at three levels does not. Complexity counts a page's fields once per
 * item asked ({@link DocumentGuards#PAGE_SIZED}), computed on the checked-in schema as prod computes it.
 */
class QueryComplexityTest {

    private static GraphQLSchema schema;
    private static int prodLimit;

    @BeforeAll
    static void load() throws IOException {
        String sdl = Files.readString(Path.of("schema.graphql"));
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(sdl + "\nscalar Date\nscalar DateTime\n"));
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        prodLimit = Integer.parseInt(properties.getProperty("%prod.quarkus.smallrye-graphql.instrumentation-query-complexity"));
    }

    /** As DocumentGuards computes it in prod ({@link OperationWalk}: every fragment counted at every spread). */
    static int complexity(String document, String operationName) {
        Document parsed = Parser.parse(document);
        OperationDefinition operation = parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.equals(op.getName())).findFirst().orElseThrow();
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        parsed.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return OperationWalk.of(schema, operation, fragments, CoercedVariables.emptyVariables()).complexity;
    }

    @Test
    void everyExampleOperationFitsTheProdLimit() throws IOException {
        String examples = Files.readString(Path.of("src/main/resources/examples/article.graphql"));
        for (OperationDefinition op : Parser.parse(examples).getDefinitionsOfType(OperationDefinition.class)) {
            int cost = complexity(examples, op.getName());
            System.out.println("complexity " + op.getName() + " = " + cost);
            assertTrue(cost <= prodLimit, op.getName() + " costs " + cost + " > " + prodLimit);
        }
    }

    @Test
    void countsEveryItemOfNestedPages() {
        String small = "{ actors(first: 1) { edges { node { events(first: 1) { edges { node { title } } } } } } }";
        String large = "{ actors(first: 100) { edges { node { events(first: 100) { edges { node { title } } } } } } }";
        assertTrue(complexity(large, null) >= 100 * 100, "100 actors x 100 events each count as 10,000 titles");
        assertTrue(complexity(small, null) < 20);
    }

    @Test
    void refusesAHundredItemsAtThreeLevels() {
        String attack = """
                { events(first: 100) { edges { node { participants { actor {
                    events(first: 100) { edges { node { participants { actor {
                      counterparts(limit: 100) { count } } } } } } } } } } } }
                """;
        int cost = complexity(attack, null);
        assertTrue(cost > prodLimit, "cost " + cost + " must exceed " + prodLimit);
    }
}
