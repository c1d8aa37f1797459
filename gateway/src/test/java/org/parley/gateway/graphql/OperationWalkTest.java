package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import graphql.GraphQLContext;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link OperationWalk} finds what graphql-java's QueryTraverser finds for the same operation and variables (the
 * walk DocumentGuards made before): the same depth, the same complexity and the same argument violations in the
 * same order, wherever no fragment is spread twice (there the traverser walks it only once: see the last test).
 * Compared on every operation of the examples and on documents that exercise each rule of the walk: nested
 * fragments, inline fragments with and without a type condition, {@code @skip} and
 * {@code @include} from literals and from variables (on fields, spreads and inline fragments), {@code __typename},
 * introspection, aliases, argument defaults, page sizes from variables and argument violations at several levels.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class OperationWalkTest {

    @Inject
    GraphQLSchema schema;

    private static final List<Case> CASES = List.of(
            new Case("{ events(first: 3) { totalCount edges { node { title participants { actor { name } } } } } }"),
            new Case("{ __typename events { __typename edges { node { __typename id } } } }"),
            new Case("{ __schema { types { name fields { name } } } __type(name: \"Event\") { name } }"),
            new Case("""
                    query Page($n: Int, $withTotal: Boolean!, $skipActors: Boolean!) {
                      events(first: $n) { totalCount @include(if: $withTotal) ...Edges }
                      actors(first: 2) @skip(if: $skipActors) { edges { node { name events(first: $n) { ...Others } } } }
                    }
                    fragment Edges on EventConnection { edges { node { ...Ev ... on Event { title } ... { id } } } }
                    fragment Others on EventConnection { edges { node { id } } }
                    fragment Ev on Event { id title participants { actor { name counterparts(limit: 5) { count } } } }
                    """, Map.of("n", 7, "withTotal", true, "skipActors", false)),
            new Case("""
                    query Page($n: Int, $withTotal: Boolean!, $skipActors: Boolean!) {
                      events(first: $n) { totalCount @include(if: $withTotal) ...Edges @skip(if: $skipActors) }
                      actors(first: 2) @skip(if: $skipActors) { edges { node { name } } }
                      ... @include(if: $withTotal) { a: actors(first: 50) { totalCount } }
                    }
                    fragment Edges on EventConnection { edges { node { id } } }
                    """, Map.of("n", 4, "withTotal", false, "skipActors", true)),
            new Case("""
                    { one: actor(id: "a1") { events { edges { node { title } } } counterparts { count } }
                      two: actor(id: "a2") { events(first: 100) { totalCount } relationships { other { name } } } }
                    """),
            new Case("""
                    query Bad($text: String) {
                      events(first: 2, filter: {text: $text, actorIds: ["x"]}) { edges { node { title
                        participants { actor { events(first: 2147483647) { totalCount } } } } } }
                      actors(filter: {text: "\\u0000"}) { totalCount }
                    }
                    """, Map.of("text", "a\u0000b")),
            new Case("{ dyad(a: \"a\", b: \"b\", from: \"2025-01-01\", to: \"2025-12-31\") { a { name } b { name } series { count } } }"),
            new Case("mutation { __typename }"));

    record Case(String document, Map<String, Object> variables) {
        Case(String document) {
            this(document, Map.of());
        }
    }

    @Test
    void findsWhatGraphqlJavasTraverserFindsOnEveryCase() throws IOException {
        List<Case> cases = new ArrayList<>(CASES);
        String examples;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("examples/article.graphql")) {
            examples = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document parsed = Parser.parse(examples);
        for (OperationDefinition operation : parsed.getDefinitionsOfType(OperationDefinition.class)) {
            cases.add(new Case(examples + "\n# operation: " + operation.getName()));
        }
        int compared = 0;
        for (Case c : cases) {
            Document document = Parser.parse(c.document());
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ROOT);
            assertEquals(List.of(), errors, c.document());
            String only = c.document().contains("# operation: ")
                    ? c.document().substring(c.document().indexOf("# operation: ") + 13).trim()
                    : null;
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                if (only != null && !only.equals(operation.getName())) {
                    continue;
                }
                CoercedVariables variables = ValuesResolver.coerceVariableValues(schema, operation.getVariableDefinitions(),
                        RawVariables.of(c.variables()), GraphQLContext.getDefault(), Locale.ROOT);
                Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
                document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));

                OperationWalk walk = OperationWalk.of(schema, operation, fragments, variables);
                Traversed oracle = Traversed.of(schema, document, operation.getName(), variables);

                String where = operation.getName() + " in " + c.document();
                assertEquals(oracle.depth, walk.depth, "depth of " + where);
                assertEquals(oracle.complexity, walk.complexity, "complexity of " + where);
                assertEquals(oracle.where, walk.where, "fields with violations of " + where);
                assertEquals(oracle.violations, walk.violations, "violations of " + where);
                compared++;
            }
        }
        assertEquals(CASES.size() + parsed.getDefinitionsOfType(OperationDefinition.class).size(), compared);
    }

    @Test
    void theCasesReachEveryOutcome() {
        // The comparison above means something only if the cases have violations, skipped parts and big pages.
        Document bad = Parser.parse(CASES.get(6).document());
        OperationDefinition operation = bad.getDefinitionsOfType(OperationDefinition.class).get(0);
        CoercedVariables variables = ValuesResolver.coerceVariableValues(schema, operation.getVariableDefinitions(),
                RawVariables.of(CASES.get(6).variables()), GraphQLContext.getDefault(), Locale.ROOT);
        OperationWalk walk = OperationWalk.of(schema, operation, Map.of(), variables);
        assertEquals(List.of("events", "actors"), walk.where);
        assertFalse(walk.violations.isEmpty());
        assertEquals(Integer.MAX_VALUE, walk.complexity, "2147483647 events per participant saturate the cost");
    }

    @Test
    void countsAFragmentAtEverySpreadWhereTheTraverserCountedItOnce() {
        String once = "{ a: events(first: 100) { ...Costly } } " + COSTLY;
        String twice = "{ a: events(first: 100) { ...Costly } b: events(first: 100) { ...Costly } } " + COSTLY;
        OperationWalk one = walk(once);
        OperationWalk two = walk(twice);
        assertEquals(2 * one.complexity, two.complexity, "the second spread costs what the first does");
        assertEquals(one.depth, two.depth);
        Document document = Parser.parse(twice);
        Traversed traversed = Traversed.of(schema, document, null, CoercedVariables.emptyVariables());
        assertEquals(one.complexity + 1, traversed.complexity, "graphql-java's traverser: the second spread unseen");
    }

    private static final String COSTLY = """
            fragment Costly on EventConnection {
              edges { node { participants { actor { counterparts(limit: 60) { count } } } } } }""";

    private OperationWalk walk(String text) {
        Document document = Parser.parse(text);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return OperationWalk.of(schema, operation, fragments, CoercedVariables.emptyVariables());
    }

    /** The walk DocumentGuards made before, on graphql-java's QueryTraverser: the oracle. */
    private static final class Traversed extends QueryVisitorStub {
        int depth;
        int complexity;
        final List<String> where = new ArrayList<>();
        final List<ArgumentRules.Violation> violations = new ArrayList<>();
        private final Deque<int[]> children = new ArrayDeque<>();

        static Traversed of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
            Traversed walk = new Traversed();
            QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
                    .coercedVariables(variables).build().visitDepthFirst(walk);
            return walk;
        }

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            if (env.getTraverserContext().getPhase() == TraverserContext.Phase.LEAVE) {
                int own = children.pop()[0];
                int cost = env.isTypeNameIntrospectionField() ? 0
                        : DocumentGuards.PAGE_SIZED.calculate(new FieldComplexityEnvironment(env.getField(),
                                env.getFieldDefinition(), env.getFieldsContainer(), env.getArguments(), null), own);
                if (children.isEmpty()) {
                    complexity = (int) Math.min(Integer.MAX_VALUE, (long) complexity + cost);
                } else {
                    int[] parent = children.peek();
                    parent[0] = (int) Math.min(Integer.MAX_VALUE, (long) parent[0] + cost);
                }
                return;
            }
            children.push(new int[1]);
            depth = Math.max(depth, children.size());
            if (env.isTypeNameIntrospectionField()) {
                return;
            }
            List<ArgumentRules.Violation> found = ArgumentRules.check(env.getFieldDefinition().getArguments(),
                    env.getArguments());
            if (!found.isEmpty()) {
                where.add(env.getField().getResultKey());
                violations.addAll(found);
            }
        }
    }
}
