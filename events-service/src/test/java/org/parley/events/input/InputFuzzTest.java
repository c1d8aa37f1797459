package org.parley.events.input;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.place;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;
import static org.parley.common.fuzz.FuzzRequests.call;
import static org.parley.common.fuzz.FuzzRequests.check;
import static org.parley.common.fuzz.FuzzRequests.concat;
import static org.parley.common.fuzz.FuzzRequests.pageThrough;
import static org.parley.common.fuzz.FuzzRequests.readAll;
import static org.parley.common.fuzz.FuzzRequests.path;
import static org.parley.common.fuzz.FuzzRequests.query;
import static org.parley.common.fuzz.FuzzValues.ABSENT;
import static org.parley.common.fuzz.FuzzValues.arrayOf;
import static org.parley.common.fuzz.FuzzValues.body;
import static org.parley.common.fuzz.FuzzValues.dates;
import static org.parley.common.fuzz.FuzzValues.field;
import static org.parley.common.fuzz.FuzzValues.fields;
import static org.parley.common.fuzz.FuzzValues.instants;
import static org.parley.common.fuzz.FuzzValues.json;
import static org.parley.common.fuzz.FuzzValues.likelyDates;
import static org.parley.common.fuzz.FuzzValues.likelyTexts;
import static org.parley.common.fuzz.FuzzValues.numbers;
import static org.parley.common.fuzz.FuzzValues.object;
import static org.parley.common.fuzz.FuzzValues.quoted;
import static org.parley.common.fuzz.FuzzValues.quotedOf;
import static org.parley.common.fuzz.FuzzValues.texts;
import static org.parley.common.fuzz.FuzzValues.uuids;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.parley.common.fuzz.FuzzRequests.Call;
import org.parley.common.fuzz.FuzzValues;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Issue 15, R3: thousands of hostile requests over every endpoint's path, query parameters, headers
 * and bodies (jqwik arbitraries, sampled by hand: jqwik's engine does not start a Quarkus app).
 * Never a 5xx; every 4xx is problem+json with violations or a detail; afterwards every stored
 * event and place is readable. {@code -Dparley.fuzz.cases=N} changes the number of requests.
 */
@QuarkusTest
class InputFuzzTest {

    private static final int CASES = Integer.getInteger("parley.fuzz.cases", 2000);

    @Test
    void answersEveryHostileRequestWithoutA5xxAndKeepsEveryRowReadable() throws Exception {
        List<String> actors = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String country = place("Fuzzland", "COUNTRY", null);
        List<String> places = List.of(country, place("Fuzz region", "REGION", country));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(recordId(with(event(unique("fuzz seed"), "042", "2025-11-2" + i),
                    "participants", participants(actors.get(i), "SOURCE", actors.get((i + 1) % 3), "TARGET"),
                    "locationId", places.get(i % 2), "metrics", Map.of("tone", 1.5))));
        }

        List<String> failures = new ArrayList<>();
        Map<String, Integer> answers = new TreeMap<>();
        calls(actors, places, events).sampleStream().limit(CASES)
                .forEach(call -> answers.merge(call.method() + " " + check(call, failures), 1, Integer::sum));
        System.out.println("InputFuzzTest: " + CASES + " requests, answers by method and status: " + answers);

        readAll("event", "/events", failures);
        readAll("place", "/places", failures);
        pageThrough("/events", failures);
        // a generator that never got past validation, or never tripped it, would prove nothing
        // (a PUT or PATCH answered 200 or 409 passed validation and reached the version check)
        assertTrue(answers.getOrDefault("POST 201", 0) > 0 && answers.getOrDefault("POST 400", 0) > 0
                && answers.getOrDefault("PUT 200", 0) + answers.getOrDefault("PUT 409", 0)
                        + answers.getOrDefault("PATCH 200", 0) + answers.getOrDefault("PATCH 409", 0) > 0,
                "the generated requests did not reach both success and refusal: " + answers);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, e.g.:\n" + String.join("\n",
                failures.subList(0, Math.min(15, failures.size()))));
    }


    // ---------------------------------------------------------------- the endpoints

    private static Arbitrary<Call> calls(List<String> actorIds, List<String> placeIds, List<String> eventIds) {
        Arbitrary<String> actor = uuids(actorIds);
        Arbitrary<String> place = uuids(placeIds);
        Arbitrary<String> event = uuids(eventIds);
        Arbitrary<String> date = Arbitraries.frequencyOf(Tuple.of(4, dates()), Tuple.of(1, texts()));
        Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.of("1", "5", "500", "501", "0", "-1", "1e3"), numbers(), texts());
        Arbitrary<String> dyad = Arbitraries.oneOf(Combinators.combine(actor, actor).as((a, b) -> a + "," + b), texts());
        Arbitrary<String> cursor = Arbitraries.oneOf(texts(), Combinators.combine(
                Arbitraries.of("START_DESC", "START_ASC", "RELEVANCE", "x"), Arbitraries.oneOf(dates(), numbers(), texts()), actor)
                .as((sort, key, id) -> Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((sort + "|" + key + "|" + id).getBytes(StandardCharsets.UTF_8))));
        Object[] filter = {"actor", actor, "dyad", dyad,
            "code", Arbitraries.oneOf(Arbitraries.of("042", "106", "14", "1"), texts()),
            "root", Arbitraries.oneOf(Arbitraries.of("01", "1", "20", "21"), texts()),
            "quad", Arbitraries.oneOf(Arbitraries.of("1", "4", "0"), numbers(), texts()),
            "status", Arbitraries.oneOf(Arbitraries.of("OCCURRED", "cancelled"), texts()),
            "from", date, "to", date, "place", place, "text", texts(),
            "sort", Arbitraries.oneOf(Arbitraries.of("start_desc", "START_ASC", "relevance"), texts()),
            "count", Arbitraries.oneOf(Arbitraries.of("true", "false"), texts())};

        Arbitrary<String> title = quoted(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40));
        Arbitrary<String> participant = object(fields("actorId", field(quoted(actor)),
                "role", field(quotedOf("SOURCE", "TARGET", "HOST", "ATTENDEE", "MEDIATOR", "source", "BOSS"))));
        Arbitrary<String> source = object(fields(
                "url", field(Arbitraries.frequencyOf(Tuple.of(4, likelyTexts().map(t -> "https://example.org/" + t)),
                        Tuple.of(1, Arbitraries.of("http://", "ftp://x", "https://a b"))).map(FuzzValues::quote)),
                "publisher", field(quoted(likelyTexts())), "title", field(title), "publishedAt", field(quoted(instants())),
                "excerpt", field(quoted(likelyTexts())), "speakerId", field(quoted(actor))));
        Arbitrary<String> metric = Combinators.combine(quoted(likelyTexts()), json(numbers())).as((k, v) -> k + ": " + v);
        Arbitrary<String> version = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("0", "1", "2")), Tuple.of(1, numbers()));
        Arbitrary<String> eventBody = object(fields(
                "title", field(title), "summary", field(quoted(likelyTexts())),
                "code", field(quotedOf("042", "106", "141", "0", "99999")),
                "status", field(quotedOf("OCCURRED", "ANNOUNCED", "SCHEDULED", "CANCELLED", "occurred")),
                "start", field(quoted(likelyDates())), "end", Arbitraries.oneOf(Arbitraries.just(ABSENT), field(quoted(dates()))),
                "precision", field(quotedOf("DAY", "WEEK", "MONTH", "YEAR", "day")),
                "locationId", field(quoted(place)), "subjectIds", field(arrayOf(quoted(place), 3)),
                "participants", field(arrayOf(participant, 3)), "sources", field(arrayOf(source, 2)),
                "externalIds", field(arrayOf(quoted(likelyTexts().map(t -> "fuzz:" + t)), 2)),
                "metrics", field(metric.list().ofMaxSize(3).map(l -> "{" + String.join(", ", l) + "}")),
                "version", field(version)));
        Arbitrary<String> placeBody = object(fields(
                "name", field(title), "kind", field(quotedOf("COUNTRY", "REGION", "CITY", "TERRITORY", "city", "PLANET")),
                "countryCode", field(Arbitraries.oneOf(quotedOf("UKR", "ukr", "XX"), quoted(texts()))),
                "parentId", field(quoted(place)), "latitude", field(numbers()), "longitude", field(numbers()),
                "status", field(quoted(likelyTexts())), "statusSince", field(quoted(likelyDates())),
                "version", field(version)));
        Arbitrary<String> resolveItem = object(fields(
                "key", field(Arbitraries.oneOf(quotedOf("gdelt-feature:1", "x:y"), quoted(texts()))),
                "name", field(title), "kind", field(quotedOf("COUNTRY", "CITY", "x")),
                "countryCode", field(quotedOf("UKR", "xx")), "latitude", field(numbers()), "longitude", field(numbers())));
        Arbitrary<String> ifMatch = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.of("\"0\"", "\"1\"", "W/\"0\"", "0", "\"-1\"", "\"99999999999999999999\"", "*",
                        "\"abc\"", "")));
        Arbitrary<String> json = Arbitraries.just("application/json");
        Arbitrary<String> patchType = Arbitraries.of("application/merge-patch+json", "application/json", "text/plain");

        return Arbitraries.frequencyOf(
                Tuple.of(3, call("GET", path("/events", event), query())),
                Tuple.of(6, call("GET", path("/events"), query(concat(filter, "ids", event, "limit", limit, "after", cursor)))),
                Tuple.of(4, call("GET", path("/events/by-participants"),
                        query(concat(filter, "actors", actor, "limit", limit)))),
                Tuple.of(6, call("POST", path("/events"), query(), json, body(eventBody))),
                Tuple.of(2, call("POST", path("/events/batch"), query(), json,
                        body(object(fields("items", field(arrayOf(eventBody, 3))))))),
                Tuple.of(4, call("PUT", path("/events", event), query(), ifMatch, json, body(eventBody))),
                Tuple.of(4, call("PATCH", path("/events", event), query(), ifMatch, patchType, body(eventBody))),
                Tuple.of(1, call("DELETE", path("/events", Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()), texts())), query())),
                Tuple.of(3, call("POST", path("/events", event, "/sources"), query(), json, body(source))),
                Tuple.of(2, call("POST", path("/events", event, "/related"), query(), json, body(object(fields(
                        "kind", field(quotedOf("FOLLOWS", "RESPONDS_TO", "PART_OF", "x")), "eventId", field(quoted(event))))))),
                Tuple.of(1, call("DELETE", path("/events", event, "/related", Arbitraries.oneOf(Arbitraries.of("FOLLOWS"), texts()), event), query())),
                Tuple.of(2, call("GET", path("/places", place), query())),
                Tuple.of(3, call("GET", path("/places"), query("ids", place, "text", texts(), "kind", Arbitraries.oneOf(Arbitraries.of("CITY"), texts()),
                        "countryCode", texts(), "parentId", place, "limit", limit))),
                Tuple.of(3, call("POST", path("/places"), query(), json, body(placeBody))),
                Tuple.of(2, call("PUT", path("/places", place), query(), ifMatch, json, body(placeBody))),
                Tuple.of(1, call("DELETE", path("/places", Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()), texts())), query())),
                Tuple.of(2, call("POST", path("/places/resolve"), query(), json,
                        body(object(fields("items", field(arrayOf(resolveItem, 3))))))),
                Tuple.of(3, call("GET", path("/stats/dyad"), query("a", actor, "b", actor,
                        "interval", Arbitraries.oneOf(Arbitraries.of("month", "WEEK", "year"), texts()), "from", date, "to", date))),
                Tuple.of(3, call("GET", path("/stats/actors", actor, "/timeline"), query(
                        "interval", Arbitraries.oneOf(Arbitraries.of("month", "week"), texts()), "from", date, "to", date))),
                Tuple.of(1, call("GET", path("/stats/actors", actor, "/counterparts"), query("limit", limit))),
                Tuple.of(1, call("GET", path("/stats/counterparts"), query("actors", actor, "limit", limit))),
                Tuple.of(1, call("GET", path("/event-types"), query("root", Arbitraries.oneOf(Arbitraries.of("01", "20"), texts())))));
    }
}
