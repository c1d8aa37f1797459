package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway's instrumentations run in a chain that skips graphql-java's per-field and per-object hooks
 * ({@link OperationInstrumentations}): each of them must act once per operation only. Fails, naming the class
 * and hook, when one of them declares such a hook — it would silently never run.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class OperationInstrumentationsTest {

    @Inject
    DocumentGuards guards;

    @Inject
    GraphQLSchema schema;

    @Test
    void noInstrumentationOfTheChainHasAPerFieldHook() {
        // The chain DocumentGuards installs on SmallRye's GraphQL builder.
        GraphQL.Builder builder = GraphQL.newGraphQL(schema);
        guards.install(builder);
        GraphQL graphQL = builder.build();
        ChainedInstrumentation chain = assertInstanceOf(OperationInstrumentations.class, graphQL.getInstrumentation());
        List<String> perField = new ArrayList<>();
        for (Instrumentation instrumentation : chain.getInstrumentations()) {
            for (Class<?> type = instrumentation.getClass(); type != Object.class; type = type.getSuperclass()) {
                if (type.getName().startsWith("graphql.")) {
                    break; // graphql-java's SimplePerformantInstrumentation: the no-op hooks
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (OperationInstrumentations.FIELD_HOOKS.contains(method.getName())) {
                        perField.add(type.getName() + "." + method.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), perField, "per-field hooks OperationInstrumentations never calls");
        assertEquals(3, chain.getInstrumentations().size(), "document checks, the DataLoader registry, metrics");
    }
}
