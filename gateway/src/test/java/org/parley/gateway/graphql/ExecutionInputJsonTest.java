package org.parley.gateway.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.graphql.api.Context;
import io.vertx.core.json.JsonObject;

/**
 * The request object built without encoding and parsing is what the encode-and-parse way gives: the same JSON-P
 * object, and the same variables as SmallRye reads them (its VariablesParser: strings, booleans, nulls, BigDecimals,
 * maps, lists). Variables arrive as GraphQLHttpFilter decodes them (Vert.x's JsonObject of the body's text);
 * fractions and numbers beyond 64 bits take the old way, which the cases cover too.
 */
class ExecutionInputJsonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {}                                                                                   | true
            {"id": "a4b1c7e0-1d2e-4f3a-9b8c-0d1e2f3a4b5c"}                                      | true
            {"text": "quote \\" backslash \\\\ tab \\t line \\n nul \\u0000 é 🙂 \\ud800"}   | true
            {"n": 0, "m": -7, "i": 2147483647, "l": 9007199254740993, "min": -9223372036854775808} | true
            {"big": 123456789012345678901234567890, "neg": -98765432109876543210}                  | false
            {"f": 1.5, "g": 1.50, "e": 1e20, "tiny": 4.9E-324, "huge": 1e400}                      | false
            {"t": true, "f": false, "nothing": null}                                               | true
            {"filter": {"actorIds": ["a", "b"], "from": "2025-10-01", "quadClasses": [1, 4], "text": null}} | true
            {"deep": {"a": [[1, [2, {"b": [true, null, "x"]}]], {}], "empty": [], "obj": {}}}      | true
            {"mixed": [1, "two", 3.25, null, {"k": 9223372036854775807}]}                          | false
            """)
    void buildsWhatEncodingAndParsingGive(String variablesText, boolean direct) {
        Map<String, Object> variables = new JsonObject(variablesText).getMap();
        for (String operationName : new String[] { null, "Page" }) {
            jakarta.json.JsonObject built = ExecutionInputJson.of("query Page { __typename }", operationName, variables);
            jakarta.json.JsonObject parsed = ExecutionInputJson.parsed("query Page { __typename }", operationName, variables);
            assertEquals(parsed, built, variablesText);
            assertEquals(Context.VariablesParser.toMap(parsed.get("variables")),
                    Context.VariablesParser.toMap(built.get("variables")), variablesText);
        }
        // The comparison is worth something only where the direct way was taken: all but fractions and big numbers.
        assertEquals(direct, ExecutionInputJson.direct(variables) != null, variablesText);
    }
}
