package org.parley.common.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.problem.Problem;
import org.parley.common.problem.ProblemMappers;

/** Every JSON body either parses into values PostgreSQL can store and JSON can carry back, or is a 400 naming the field. */
class StrictJsonCustomizerTest {

    record Source(String excerpt, Instant publishedAt) {
    }

    record Body(String title, LocalDate start, Map<String, Double> metrics, List<String> aliases, List<Source> sources,
            Double latitude, double weight) {
    }

    enum Kind { PERSON, STATE }

    record Kinded(Kind kind) {
    }

    private final ObjectMapper mapper = mapper();
    private final ProblemMappers mappers = new ProblemMappers(List.of());

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    private Problem.Violation refusal(String json) {
        DatabindException e = assertThrows(DatabindException.class, () -> mapper.readValue(json, Body.class));
        Response response = mappers.mapJson(e);
        assertEquals(400, response.getStatus());
        return ((Problem) response.getEntity()).violations().get(0);
    }

    @Test
    void acceptsOrdinaryValues() throws Exception {
        Body body = mapper.readValue("""
                {"title": "Talks", "start": "2025-11-26", "metrics": {"tone": -3.5, "tiny": 1e-400, "n": "2"},
                 "aliases": ["a"], "sources": [{"excerpt": "x", "publishedAt": "9999-12-31T23:59:59Z"}],
                 "latitude": 0.5, "weight": 1}""", Body.class);
        assertEquals(-3.5, body.metrics().get("tone"));
        assertEquals(0.0, body.metrics().get("tiny"));
        assertEquals(LocalDate.of(2025, 11, 26), body.start());
    }

    @Test
    void returns400ForNulInAnyStringNamingItsPath() {
        assertEquals(new Problem.Violation("title", "must not contain the NUL character (U+0000)"),
                refusal("{\"title\": \"a\\u0000b\"}"));
        assertEquals("aliases[1]", refusal("{\"aliases\": [\"ok\", \"\\u0000\"]}").field());
        assertEquals("sources[0].excerpt", refusal("{\"sources\": [{\"excerpt\": \"q\\u0000\"}]}").field());
        assertEquals("metrics", refusal("{\"metrics\": {\"a\\u0000\": 1}}").field());
    }

    @Test
    void returns400ForUnpairedSurrogatesButAcceptsPairedOnes() throws Exception {
        assertEquals("\uD83D\uDE00", mapper.readValue("{\"title\": \"\\ud83d\\ude00\"}", Body.class).title());
        assertEquals(new Problem.Violation("title", "must be valid Unicode text (a \\u escape of an unpaired surrogate is not)"),
                refusal("{\"title\": \"\\udb9b\\u11cb\"}"));
        assertEquals("aliases[0]", refusal("{\"aliases\": [\"x\\udc00\"]}").field());
        assertEquals("title", refusal("{\"title\": \"\\ud800\"}").field());
    }

    @Test
    void returns400ForNumbersNoDoubleHolds() {
        Problem.Violation huge = refusal("{\"metrics\": {\"x\": 1e400}}");
        assertEquals("metrics.x", huge.field());
        assertEquals("must be a finite number within ±1.7976931348623157E308", huge.message());
        assertEquals("metrics.x", refusal("{\"metrics\": {\"x\": -1e400}}").field());
        assertEquals("metrics.x", refusal("{\"metrics\": {\"x\": \"NaN\"}}").field());
        assertEquals("latitude", refusal("{\"latitude\": \"Infinity\"}").field());
        assertEquals("weight", refusal("{\"weight\": 1e309}").field());
    }

    @Test
    void returns400ForDatesOutsideYears1To9999() {
        Problem.Violation ancient = refusal("{\"start\": \"-5000-01-01\"}");
        assertEquals(new Problem.Violation("start", "must be a date from 0001-01-01 to 9999-12-31"), ancient);
        assertEquals("start", refusal("{\"start\": \"+10000-01-01\"}").field());
        assertEquals("sources[0].publishedAt", refusal("{\"sources\": [{\"publishedAt\": \"+300000-01-01T00:00:00Z\"}]}").field());
    }

    @Test
    void checksValuesReadFromATreeAsMergePatchesAre() {
        ObjectNode tree = mapper.createObjectNode().put("title", "x\u0000");
        DatabindException e = assertThrows(DatabindException.class, () -> mapper.treeToValue(tree, Body.class));
        assertEquals("title", ((Problem) mappers.mapJson(e).getEntity()).violations().get(0).field());
    }

    @Test
    void refusesNumbersForEnums() {
        assertThrows(DatabindException.class, () -> mapper.readValue("{\"kind\": 1}", Kinded.class));
    }
}
