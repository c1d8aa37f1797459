package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.ExecutionResponse;

/**
 * The gateway writes an answer's JSON itself (ResultJson) where SmallRye would build a JSON-P tree first: the text
 * must be SmallRye's, byte for byte, for every kind of value an answer holds; answers with errors or extensions stay
 * SmallRye's own.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class ResultJsonTest {

    private enum Role {
        SOURCE
    }

    @Test
    void writesWhatSmallRyeWritesForEveryKindOfValue() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "e-1");
        event.put("title", "Putin \"demands\" \\ withdrawal\n\t\r\b\f \u0001\u001f\u007f é 中文 😀 \u2028 </script>");
        event.put("empty", "");
        event.put("goldstein", -6.4);
        event.put("tone", List.of(0.1, 1.0, -0.0, 1e10, 1.5e-7, 123456789.123, 4.0, Double.MIN_VALUE, Double.MAX_VALUE));
        event.put("float", 2.5f);
        event.put("count", 12);
        event.put("big", 9_007_199_254_740_993L);
        event.put("short", (short) 3);
        event.put("byte", (byte) -1);
        event.put("huge", new BigInteger("123456789012345678901234567890"));
        event.put("exact", new BigDecimal("12.3400"));
        event.put("flags", List.of(true, false));
        event.put("none", null);
        event.put("role", Role.SOURCE);
        event.put("nothing", new ArrayList<>());
        event.put("nested", List.of(Map.of(), Arrays.asList(null, List.of(Map.of("a", 1)))));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("events", List.of(event, event));
        data.put("actor", null);
        data.put("nested", Map.of("x", Map.of("y", "z")));
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(data).build();

        assertEquals(new ExecutionResponse(result).getExecutionResultAsString(), ResultJson.dataOnly(result));
        assertEquals(new ExecutionResponse(result).getExecutionResultAsString(),
                ResultJson.of(new ExecutionResponse(result)));
    }

    @Test
    void nullDataIsWrittenAsSmallRyeWritesIt() {
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(null).build();
        assertEquals(new ExecutionResponse(result).getExecutionResultAsString(), ResultJson.of(new ExecutionResponse(result)));
    }

    @Test
    void answersWithErrorsOrExtensionsOrOtherValuesAreSmallRyesOwn() {
        ExecutionResult withErrors = ExecutionResultImpl.newExecutionResult().data(Map.of("actor", "x"))
                .addError(GraphqlErrorBuilder.newError().message("boom").build()).build();
        assertNull(ResultJson.dataOnly(withErrors));
        assertEquals(new ExecutionResponse(withErrors).getExecutionResultAsString(),
                ResultJson.of(new ExecutionResponse(withErrors)));

        ExecutionResult withExtensions = ExecutionResultImpl.newExecutionResult().data(Map.of("actor", "x"))
                .extensions(Map.of("cost", 3)).build();
        assertNull(ResultJson.dataOnly(withExtensions));

        // a value SmallRye writes through JSON-B, and numbers SmallRye cannot write: left to SmallRye
        assertNull(ResultJson.dataOnly(ExecutionResultImpl.newExecutionResult().data(Map.of("when", new Object())).build()));
        assertNull(ResultJson.dataOnly(ExecutionResultImpl.newExecutionResult().data(Map.of("x", Double.NaN)).build()));
        assertNull(ResultJson.dataOnly(ExecutionResultImpl.newExecutionResult()
                .data(Map.of("x", Double.POSITIVE_INFINITY)).build()));
    }
}
