package org.parley.actors.input;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.actors.Fixtures.createId;
import static org.parley.actors.Fixtures.token;
import static org.parley.common.fuzz.FuzzRequests.call;
import static org.parley.common.fuzz.FuzzRequests.sendAll;
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
import static org.parley.common.fuzz.Gen.alpha;
import static org.parley.common.fuzz.Gen.charRange;
import static org.parley.common.fuzz.Gen.frequency;
import static org.parley.common.fuzz.Gen.ints;
import static org.parley.common.fuzz.Gen.just;
import static org.parley.common.fuzz.Gen.oneOf;
import static org.parley.common.fuzz.Gen.strings;
import static org.parley.common.fuzz.Gen.weight;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.fuzz.Fuzz;
import org.parley.common.fuzz.FuzzRequests.Call;
import org.parley.common.fuzz.Gen;

/**
 * Issue 15, R3: thousands of hostile requests over every actors-service endpoint's path, query
 * parameters, headers and bodies (seeded generators from common's test jar). Never a 5xx; every 4xx is problem+json with violations or a detail; afterwards
 * every stored actor and its relationships are readable. {@code -Dparley.fuzz.cases=N} changes the
 * number of requests, {@code -Dparley.fuzz.seed=N} the seed (see {@link Fuzz}).
 */
@QuarkusTest
class InputFuzzTest {

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
        Map<String, Integer> answers = sendAll(calls(actors, relationships), 2000, failures);
        System.out.println("InputFuzzTest: " + answers.values().stream().mapToInt(Integer::intValue).sum() + " requests (seed "
                + Fuzz.seed() + "), answers by method and status: " + answers);

        readAll("actor", "/actors", failures);
        pageThrough("/actors", failures);
        // a generator that never got past validation, or never tripped it, would prove nothing
        // (a PUT answered 200 or 409 passed validation and reached the version check);
        // a replayed single case proves only itself
        assertTrue(Fuzz.replayingOneCase() || answers.getOrDefault("POST 201", 0) > 0 && answers.getOrDefault("POST 400", 0) > 0
                && answers.getOrDefault("PUT 200", 0) + answers.getOrDefault("PUT 409", 0) > 0,
                "the generated requests (seed " + Fuzz.seed() + ") did not reach both success and refusal: " + answers);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, e.g.:\n" + String.join("\n",
                failures.subList(0, Math.min(15, failures.size()))));
    }

    private static Gen<Call> calls(List<String> actorIds, List<String> relationshipIds) {
        Gen<String> actor = uuids(actorIds);
        Gen<String> relationship = uuids(relationshipIds);
        Gen<String> randomId = oneOf(Gen.uuids().map(Object::toString), texts());
        Gen<String> limit = oneOf(Gen.of("1", "5", "500", "501", "0", "-1", "1e3"), numbers(), texts());
        Gen<String> kind = quotedOf("PERSON", "STATE", "ORGANIZATION", "GROUP", "person", "ALIEN");
        Gen<String> country = frequency(weight(8, Gen.of("RUS", "UKR", "USA")),
                weight(1, Gen.of("rus", "XXX", "RU")), weight(1, texts()));
        Gen<String> cameo = frequency(
                weight(4, strings(charRange('A', 'Z'), 3, 9)),
                weight(1, texts()));
        Gen<String> names = texts();
        Gen<String> cursor = oneOf(texts(), r -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString((actor.next(r) + "\n" + names.next(r)).getBytes(StandardCharsets.UTF_8)));
        Gen<String> version = frequency(weight(4, Gen.of("0", "1", "2")), weight(1, numbers()));
        Gen<String> actorBody = object(fields(
                "kind", field(kind), "name", field(quoted(likelyTexts())),
                "aliases", field(arrayOf(quoted(likelyTexts()), 3)),
                "country", field(quoted(country)), "cameoCode", field(quoted(cameo)),
                "wikidataId", field(quoted(frequency(
                        weight(4, ints(1, 99_999_999).map(n -> "Q" + n)), weight(1, texts())))),
                "description", field(quoted(likelyTexts())), "version", field(version)));
        Gen<String> resolveItem = object(fields(
                "cameoCode", field(quoted(cameo)), "name", field(quoted(likelyTexts())),
                "country", field(quoted(country)), "kind", field(kind)));
        Gen<String> relationshipBody = object(fields(
                "type", field(quotedOf("HOLDS_OFFICE_IN", "MEMBER_OF", "REPRESENTS", "RELATIVE_OF", "represents", "OWNS")),
                "title", field(quoted(likelyTexts())), "toId", field(quoted(actor)),
                "since", field(quoted(likelyDates())), "until", oneOf(just(ABSENT), field(quoted(dates())))));
        Gen<String> ifMatch = frequency(weight(6, just(ABSENT)),
                weight(1, Gen.of("\"0\"", "\"1\"", "W/\"0\"", "0", "\"-1\"", "\"99999999999999999999\"", "*",
                        "\"abc\"", "")));
        Gen<String> json = frequency(weight(12, just("application/json")),
                weight(1, Gen.of("text/plain", "application/xml")));

        return frequency(
                weight(3, call("GET", path("/actors", actor), query())),
                weight(6, call("GET", path("/actors"), query("ids", actor, "text", texts(),
                        "kind", oneOf(Gen.of("PERSON", "state"), texts()), "country", country,
                        "limit", limit, "after", cursor))),
                weight(6, call("POST", path("/actors"), query(), json, body(actorBody))),
                weight(5, call("PUT", path("/actors", actor), query(), ifMatch, json, body(actorBody))),
                weight(1, call("DELETE", path("/actors", randomId), query())),
                weight(3, call("POST", path("/actors/resolve"), query(), json,
                        body(object(fields("items", field(arrayOf(resolveItem, 3))))))),
                weight(3, call("GET", path("/actors", actor, "/relationships"), query())),
                weight(4, call("POST", path("/actors", actor, "/relationships"), query(), json, body(relationshipBody))),
                weight(1, call("DELETE", path("/actors", actor, "/relationships", oneOf(randomId, relationship)),
                        query())),
                weight(3, call("GET", path("/relationships"), query("actors", actor))));
    }
}
