package org.parley.gateway.loaders;

import org.dataloader.DataLoaderRegistry;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Gives every execution its own {@link DataLoaderRegistry}, where the {@link KeyedLoader}s register.
 * SmallRye only makes one when the schema has batched ({@code @Source List}) resolvers, and graphql-java
 * dispatches the loaders per nesting level only for a registry set on the execution input: this is that
 * registry (one per request, never shared).
 */
public final class RequestRegistry extends SimplePerformantInstrumentation {

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (!input.getDataLoaderRegistry().getDataLoaders().isEmpty()) {
            return input; // SmallRye's own, with its batched resolvers' loaders: ours join it
        }
        return input.transform(builder -> builder.dataLoaderRegistry(new DataLoaderRegistry()));
    }
}
