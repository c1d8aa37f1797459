package org.parley.actors.input;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.actors.Fixtures.createId;
import static org.parley.actors.Fixtures.token;
import static org.parley.common.fuzz.FuzzRequests.call;
import static org.parley.common.fuzz.FuzzRequests.check;
import static org.parley.common.fuzz.FuzzRequests.pageThrough;
import static org.parley.common.fuzz.FuzzRequests.path;
import static org.parley.common.fuzz.FuzzRequests.query;
import static org.parley.common.fuzz.FuzzRequests.readAll;
import static org.parley.common.fuzz.FuzzValues.ABSENT;
import static org.parley.common.fuzz.FuzzValues.arrayOf;
import static org.parley.common.fuzz.FuzzValues.body;
import static org.parley.common.fuzz.FuzzValues.dates;
import static org.parley.common.fuzz.FuzzValues.field;
import static org.parley.common.fuzz.FuzzValues.fields;
import static org.parley.common.fuzz.FuzzValues.likelyDates;
import static org.parley.common.fuzz.FuzzValues.likelyTexts;
import static org.parley.common.fuzz.FuzzValues.numbers;
import static org.parley.common.fuzz.FuzzValues.object;
import static org.parley.common.fuzz.FuzzValues.quoted;
import static org.parley.common.fuzz.FuzzValues.quotedOf;
import static org.parley.common.fuzz.FuzzValues.texts;
import static org.parley.common.fuzz.FuzzValues.uuids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.parley.common.fuzz.FuzzRequests.Call;

/**
 * Issue 15, R3: thousands of hostile requests over every actors-service endpoint's path, query
 * parameters, headers and bodies (jqwik arbitraries, sampled by hand: jqwik's engine does not start
 * a Quarkus app). Never a 5xx; every 4xx is problem+json with violations or a detail; afterwards
 * every stored actor and its relationships are readable. {@code -Dparley.fuzz.cases=N} changes the
 * number of requests.
 */
@QuarkusTest
class InputFuzzTest {

    private static final int CASES = Integer.getInteger("parley.fuzz.cases", 2000);

    @Test
    void answersEveryHostileRequestWithoutA5xxAndKeepsEveryRowReadable() throws Exception {
        List<String> actors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            actors.add(createId(i % 2 == 0 ? "PERSON" : "STATE", token()));
        }
        List<String> relationships = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            relationships.add(RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("type", "REPRESENTS", "toId", actors.get(i + 1), "title", "Envoy"))
                    .post("/actors/" + actors.get(i) + "/relationships").then().statusCode(201).extract().path("id"));
        }

        List<String> failures = new ArrayList<>();
        Map<String, Integer> answers = new TreeMap<>();
        calls(actors, relationships).sampleStream().limit(CASES)
                .forEach(call -> answers.merge(call.method() + " " + check(call, failures), 1, Integer::sum));
        System.out.println("InputFuzzTest: " + CASES + " requests, answers by method and status: " + answers);

        readAll("actor", "/actors", failures);
        pageThrough("/actors", failures);
        // a generator that never got past validation, or never tripped it, would prove nothing
        // (a PUT answered 200 or 409 passed validation and reached the version check)
        assertTrue(answers.getOrDefault("POST 201", 0) > 0 && answers.getOrDefault("POST 400", 0) > 0
                && answers.getOrDefault("PUT 200", 0) + answers.getOrDefault("PUT 409", 0) > 0,
                "the generated requests did not reach both success and refusal: " + answers);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, e.g.:\n" + String.join("\n",
                failures.subList(0, Math.min(15, failures.size()))));
    }

    private static Arbitrary<Call> calls(List<String> actorIds, List<String> relationshipIds) {
        Arbitrary<String> actor = uuids(actorIds);
        Arbitrary<String> relationship = uuids(relationshipIds);
        Arbitrary<String> randomId = Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()), texts());
        Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.of("1", "5", "500", "501", "0", "-1", "1e3"), numbers(), texts());
        Arbitrary<String> kind = quotedOf("PERSON", "STATE", "ORGANIZATION", "GROUP", "person", "ALIEN");
        Arbitrary<String> country = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("RUS", "UKR", "USA")),
                Tuple.of(1, Arbitraries.of("rus", "XXX", "RU")), Tuple.of(1, texts()));
        Arbitrary<String> cameo = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(3).ofMaxLength(9)),
                Tuple.of(1, texts()));
        Arbitrary<String> cursor = Arbitraries.oneOf(texts(), Combinators.combine(actor, texts())
                .as((id, name) -> Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((id + "\n" + name).getBytes(StandardCharsets.UTF_8))));
        Arbitrary<String> version = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("0", "1", "2")), Tuple.of(1, numbers()));
        Arbitrary<String> actorBody = object(fields(
                "kind", field(kind), "name", field(quoted(likelyTexts())),
                "aliases", field(arrayOf(quoted(likelyTexts()), 3)),
                "country", field(quoted(country)), "cameoCode", field(quoted(cameo)),
                "wikidataId", field(quoted(Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.integers().between(1, 99_999_999).map(n -> "Q" + n)), Tuple.of(1, texts())))),
                "description", field(quoted(likelyTexts())), "version", field(version)));
        Arbitrary<String> resolveItem = object(fields(
                "cameoCode", field(quoted(cameo)), "name", field(quoted(likelyTexts())),
                "country", field(quoted(country)), "kind", field(kind)));
        Arbitrary<String> relationshipBody = object(fields(
                "type", field(quotedOf("HOLDS_OFFICE_IN", "MEMBER_OF", "REPRESENTS", "RELATIVE_OF", "represents", "OWNS")),
                "title", field(quoted(likelyTexts())), "toId", field(quoted(actor)),
                "since", field(quoted(likelyDates())), "until", Arbitraries.oneOf(Arbitraries.just(ABSENT), field(quoted(dates())))));
        Arbitrary<String> ifMatch = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.of("\"0\"", "\"1\"", "W/\"0\"", "0", "\"-1\"", "\"99999999999999999999\"", "*",
                        "\"abc\"", "")));
        Arbitrary<String> json = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/xml")));

        return Arbitraries.frequencyOf(
                Tuple.of(3, call("GET", path("/actors", actor), query())),
                Tuple.of(6, call("GET", path("/actors"), query("ids", actor, "text", texts(),
                        "kind", Arbitraries.oneOf(Arbitraries.of("PERSON", "state"), texts()), "country", country,
                        "limit", limit, "after", cursor))),
                Tuple.of(6, call("POST", path("/actors"), query(), json, body(actorBody))),
                Tuple.of(5, call("PUT", path("/actors", actor), query(), ifMatch, json, body(actorBody))),
                Tuple.of(1, call("DELETE", path("/actors", randomId), query())),
                Tuple.of(3, call("POST", path("/actors/resolve"), query(), json,
                        body(object(fields("items", field(arrayOf(resolveItem, 3))))))),
                Tuple.of(3, call("GET", path("/actors", actor, "/relationships"), query())),
                Tuple.of(4, call("POST", path("/actors", actor, "/relationships"), query(), json, body(relationshipBody))),
                Tuple.of(1, call("DELETE", path("/actors", actor, "/relationships", Arbitraries.oneOf(randomId, relationship)),
                        query())),
                Tuple.of(3, call("GET", path("/relationships"), query("actors", actor))));
    }
}
