package org.parley.gateway.graphql;

import java.util.List;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

/**
 * graphql-java's ChainedInstrumentation for instrumentations that act once per operation (the document checks,
 * the request's DataLoader registry, the operation metrics): the operation-level hooks run as the chain runs them,
 * the per-field and per-object hooks are not asked at all.
 * <p>
 * A ChainedInstrumentation asks every instrumentation of its chain at every field (begin execution, fetching,
 * the data fetcher, completion, list completion) and every object, and allocates a list and a chained context each
 * time, even when all of them answer "nothing" as these do: ~1,500 calls on a page of 20 events, ~7 % of the
 * gateway's CPU over fast backends (benchmark 6, JFR). Returning no context here is what a
 * SimplePerformantInstrumentation does, which graphql-java treats as a no-op.
 * <p>
 * Only for instrumentations without per-field hooks: {@code OperationInstrumentationsTest} fails when one of the
 * chain's classes declares one.
 */
final class OperationInstrumentations extends ChainedInstrumentation {

    OperationInstrumentations(List<SimplePerformantInstrumentation> instrumentations) {
        super(List.copyOf(instrumentations));
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
            InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        return null;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return dataFetcher;
    }

    /** The per-field and per-object hooks this chain does not ask (for the test that keeps the chain honest). */
    static final List<String> FIELD_HOOKS = List.of("beginExecutionStrategy", "beginExecuteObject",
            "beginSubscribedFieldEvent", "beginFieldExecution", "beginFieldFetch", "beginFieldFetching",
            "beginFieldCompletion", "beginFieldListCompletion", "instrumentDataFetcher");
}
