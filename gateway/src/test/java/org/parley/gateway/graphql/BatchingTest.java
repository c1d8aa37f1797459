package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.event;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.gateway.Gql;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** One backend call per service per nesting level, whatever the page size. */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class BatchingTest extends StubbedBackendsTest {

    /** n events; event i has participants actor i, actor i+1 and actor 0 (so ids repeat across the page). */
    private List<String> stubEventsPage(int n, String prefix) {
        List<Object> items = new ArrayList<>();
        List<Object> pool = new ArrayList<>();
        List<String> actorIds = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            actorIds.add(id(prefix + "-actor-" + i));
            pool.add(actor(actorIds.get(i), prefix + " actor " + i));
        }
        for (int i = 0; i < n; i++) {
            items.add(event(id(prefix + "-event-" + i), prefix + " event " + i,
                    List.of(actorIds.get(i), actorIds.get(i + 1), actorIds.get(0))));
        }
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson(page(items, null, n))));
        // actors-service answers the ids it knows; answering the whole pool is the same for the gateway.
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(okJson(page(pool, null, pool.size()))));
        return actorIds;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json(body));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 20, 100 })
    void resolvesAllParticipantsOfAPageWithOneActorsCall(int pageSize) {
        List<String> actorIds = stubEventsPage(pageSize, "p" + pageSize);

        Gql.post("""
                query Page($first: Int) {
                  events(first: $first) {
                    totalCount
                    edges { cursor node { id title participants { role actor { id name } } } }
                  }
                }""", Map.of("first", pageSize))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.edges", hasSize(pageSize))
                .body("data.events.edges[0].node.participants[2].actor.name", is("p" + pageSize + " actor 0"))
                .body("data.events.edges[" + (pageSize - 1) + "].node.participants[1].actor.name",
                        is("p" + pageSize + " actor " + pageSize));

        events.verify(1, getRequestedFor(urlPathEqualTo("/events")));
        List<LoggedRequest> actorCalls = actors.findAll(getRequestedFor(urlPathEqualTo("/actors")));
        assertEquals(1, actorCalls.size(), "actors-service calls for a page of " + pageSize);
        List<String> asked = Arrays.asList(actorCalls.get(0).queryParameter("ids").firstValue().split(","));
        assertEquals(new HashSet<>(asked).size(), asked.size(), "each id asked once: " + asked);
        assertEquals(new HashSet<>(actorIds), new HashSet<>(asked));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 20, 100 })
    void resolvesParticipantsAndSpeakersOfAPageWithOneActorsCall(int pageSize) {
        List<Object> items = new ArrayList<>();
        List<Object> pool = new ArrayList<>();
        for (int i = 0; i < pageSize; i++) {
            String participant = id("s" + pageSize + "-participant-" + i);
            String speaker = id("s" + pageSize + "-speaker-" + i);
            pool.add(actor(participant, "participant " + i));
            pool.add(actor(speaker, "speaker " + i));
            Map<String, Object> e = new java.util.LinkedHashMap<>(event(id("s" + pageSize + "-ev-" + i), "event " + i,
                    List.of(participant)));
            e.put("sources", List.of(Map.of("id", id("s" + pageSize + "-src-" + i), "title", "quote " + i,
                    "excerpt", "said so", "speakerId", speaker)));
            items.add(e);
        }
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson(page(items, null, pageSize))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(okJson(page(pool, null, pool.size()))));

        Gql.post("""
                query Page($first: Int) {
                  events(first: $first) {
                    edges { node { participants { actor { name } } sources { excerpt speaker { name } } } }
                  }
                }""", Map.of("first", pageSize))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.edges[0].node.participants[0].actor.name", is("participant 0"))
                .body("data.events.edges[" + (pageSize - 1) + "].node.sources[0].speaker.name",
                        is("speaker " + (pageSize - 1)));

        // participants.actor and sources.speaker are two batched fields of the same level: one call
        List<LoggedRequest> actorCalls = actors.findAll(getRequestedFor(urlPathEqualTo("/actors")));
        assertEquals(1, actorCalls.size(), "actors-service calls for a page of " + pageSize);
        List<String> asked = Arrays.asList(actorCalls.get(0).queryParameter("ids").firstValue().split(","));
        assertEquals(2 * pageSize, new HashSet<>(asked).size());
        assertEquals(asked.size(), new HashSet<>(asked).size(), "each id asked once");
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 20, 100 })
    void resolvesActorsEventsAndCounterpartsWithOneCallPerLevel(int pageSize) {
        List<Object> pool = new ArrayList<>();
        List<Object> byParticipant = new ArrayList<>();
        List<Object> counterparts = new ArrayList<>();
        String other = id("n" + pageSize + "-other");
        pool.add(actor(other, "the other"));
        for (int i = 0; i < pageSize; i++) {
            String actorId = id("n" + pageSize + "-actor-" + i);
            pool.add(actor(actorId, "actor " + i));
            List<Object> items = new ArrayList<>();
            items.add(event(id("n" + pageSize + "-ev-" + i), "event " + i, List.of(actorId, other)));
            if (i == 0) {
                // One more than first: 1 — how the gateway learns hasNextPage without counting.
                items.add(event(id("n" + pageSize + "-ev-older"), "older event", List.of(actorId)));
            }
            byParticipant.add(Map.of("actorId", actorId, "totalCount", 7, "items", items));
            counterparts.add(Map.of("actorId", actorId, "counterparts", List.of(Map.of("actorId", other, "count", 3))));
        }
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("text", matching(".*"))
                .willReturn(okJson(page(pool.subList(1, pool.size()), null, pageSize))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(okJson(page(pool, null, pool.size()))));
        events.stubFor(get(urlPathEqualTo("/events/by-participants")).willReturn(okJson(byParticipant)));
        events.stubFor(get(urlPathEqualTo("/stats/counterparts")).willReturn(okJson(counterparts)));

        Gql.post("""
                query Nested($first: Int) {
                  actors(filter: {text: "actor"}, first: $first) {
                    edges { node {
                      name
                      events(first: 1) { totalCount pageInfo { hasNextPage } edges { node { title participants { actor { name } } } } }
                      counterparts(limit: 3) { count actor { name } }
                    } }
                  }
                }""", Map.of("first", pageSize))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.actors.edges", hasSize(pageSize))
                .body("data.actors.edges[0].node.events.totalCount", is(7))
                .body("data.actors.edges[0].node.events.pageInfo.hasNextPage", is(true))
                .body("data.actors.edges[0].node.events.edges", hasSize(1))
                .body("data.actors.edges[0].node.events.edges[0].node.participants[1].actor.name", is("the other"))
                .body("data.actors.edges[0].node.counterparts[0].actor.name", is("the other"));

        actors.verify(1, getRequestedFor(urlPathEqualTo("/actors")).withQueryParam("text", matching(".*")));
        events.verify(1, getRequestedFor(urlPathEqualTo("/events/by-participants")));
        events.verify(1, getRequestedFor(urlPathEqualTo("/stats/counterparts")));
        // Two levels ask for actors: counterparts.actor (level 4) and events…participants.actor (level 7),
        // at most one call each (ActorsById merges them when both events-service answers arrive together).
        int byIds = actors.findAll(getRequestedFor(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))).size();
        org.junit.jupiter.api.Assertions.assertTrue(byIds >= 1 && byIds <= 2, "actors-by-id calls: " + byIds);
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 20, 100 })
    void resolvesRelationshipsPlacesAndTypesWithOneCallPerLevel(int pageSize) {
        List<Object> pool = new ArrayList<>();
        List<Object> relationships = new ArrayList<>();
        List<Object> events = new ArrayList<>();
        List<Object> places = new ArrayList<>();
        String country = id("r" + pageSize + "-country");
        places.add(Map.of("id", country, "name", "Ukraine", "kind", "COUNTRY", "version", 0));
        for (int i = 0; i < pageSize; i++) {
            String actorId = id("r" + pageSize + "-actor-" + i);
            String officeId = id("r" + pageSize + "-office-" + i);
            pool.add(actor(actorId, "actor " + i));
            pool.add(actor(officeId, "office " + i));
            relationships.add(Map.of("id", id("r" + pageSize + "-rel-" + i), "type", "HOLDS_OFFICE_IN", "title",
                    "President", "fromId", actorId, "toId", officeId));
            String city = id("r" + pageSize + "-city-" + i);
            places.add(Map.of("id", city, "name", "city " + i, "kind", "CITY", "parentId", country, "version", 0));
            Map<String, Object> event = new java.util.LinkedHashMap<>(
                    event(id("r" + pageSize + "-event-" + i), "event " + i, List.of(actorId)));
            event.put("locationId", city);
            event.put("subjectIds", List.of(country, city));
            events.add(event);
        }
        this.events.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson(page(events, null, pageSize))));
        this.events.stubFor(get(urlPathEqualTo("/places")).willReturn(okJson(places)));
        this.events.stubFor(get(urlPathEqualTo("/event-types")).willReturn(okJson(List.of(Map.of("code", "042",
                "name", "Make a visit", "rootCode", "04", "quadClass", 1, "goldstein", 1.9)))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(okJson(page(pool, null, pool.size()))));
        actors.stubFor(get(urlPathEqualTo("/relationships")).willReturn(okJson(relationships)));

        Gql.post("""
                query Deep($first: Int) {
                  events(first: $first) { edges { node {
                    type { name } location { name parent { name } } subjects { name }
                    participants { actor { name relationships { title direction other { name } } } }
                  } } }
                }""", Map.of("first", pageSize))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.edges[0].node.type.name", is("Make a visit"))
                .body("data.events.edges[0].node.location.parent.name", is("Ukraine"))
                .body("data.events.edges[0].node.subjects.name", org.hamcrest.Matchers.contains("Ukraine", "city 0"))
                .body("data.events.edges[0].node.participants[0].actor.relationships[0].other.name", is("office 0"))
                .body("data.events.edges[0].node.participants[0].actor.relationships[0].direction", is("OUTGOING"));

        this.events.verify(1, getRequestedFor(urlPathEqualTo("/events")));
        // location and subjects (level 4) are one PlacesById call; location.parent (level 5) is the country,
        // already loaded as a subject: the request's loader cache answers it without a second call.
        this.events.verify(1, getRequestedFor(urlPathEqualTo("/places")));
        // The CAMEO catalogue is cached by the gateway: at most one call, whatever the page.
        org.junit.jupiter.api.Assertions.assertTrue(
                this.events.findAll(getRequestedFor(urlPathEqualTo("/event-types"))).size() <= 1);
        actors.verify(1, getRequestedFor(urlPathEqualTo("/relationships")));
        // participants' actors (level 5) and relationships' other ends (level 7)
        actors.verify(2, getRequestedFor(urlPathEqualTo("/actors")));
    }

    @Test
    void answersAFieldAskedWithDifferentArgumentsAndAliasesWithOneCall() {
        String x = id("args-x");
        String y = id("args-y");
        List<Object> ranked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ranked.add(Map.of("actorId", id("args-other-" + i), "count", 10 - i));
        }
        actors.stubFor(get(urlPathEqualTo("/actors/" + x)).willReturn(okJson(actor(x, "X"))));
        actors.stubFor(get(urlPathEqualTo("/actors/" + y)).willReturn(okJson(actor(y, "Y"))));
        events.stubFor(get(urlPathEqualTo("/stats/counterparts")).willReturn(okJson(List.of(
                Map.of("actorId", x, "counterparts", ranked), Map.of("actorId", y, "counterparts", ranked)))));

        Gql.post("""
                query Two($a: ID!, $b: ID!) {
                  x: actor(id: $a) { one: counterparts(limit: 1) { count } three: counterparts(limit: 3) { count } }
                  y: actor(id: $b) { counterparts(limit: 5) { count } again: counterparts(limit: 5) { count } }
                }""", Map.of("a", x, "b", y))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.x.one.count", org.hamcrest.Matchers.contains(10))
                .body("data.x.three.count", org.hamcrest.Matchers.contains(10, 9, 8))
                .body("data.y.counterparts", hasSize(5))
                .body("data.y.again", hasSize(5));

        // The largest limit answers every smaller one: one call for both actors and all four fields.
        List<LoggedRequest> calls = events.findAll(getRequestedFor(urlPathEqualTo("/stats/counterparts")));
        assertEquals(1, calls.size(), "counterparts calls");
        assertEquals("5", calls.get(0).queryParameter("limit").firstValue());
        assertEquals(new HashSet<>(List.of(x, y)),
                new HashSet<>(Arrays.asList(calls.get(0).queryParameter("actors").firstValue().split(","))));
    }

    /** n actors; actor i has events "actor i event 0..4" (newest first) in every by-participants answer. */
    private List<String> stubActorsWithFiveEventsEach(int n, String prefix) {
        List<Object> pool = new ArrayList<>();
        List<Object> byParticipant = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String actorId = id(prefix + "-actor-" + i);
            ids.add(actorId);
            pool.add(actor(actorId, "actor " + i));
            List<Object> items = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                items.add(event(id(prefix + "-ev-" + i + "-" + k), "actor " + i + " event " + k, List.of(actorId)));
            }
            byParticipant.add(Map.of("actorId", actorId, "totalCount", 5, "items", items));
        }
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("text", matching(".*"))
                .willReturn(okJson(page(pool, null, n))));
        events.stubFor(get(urlPathEqualTo("/events/by-participants")).willReturn(okJson(byParticipant)));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 20 })
    void answersActorEventsWithDifferentArgumentsAndAliasesWithOneCallPerFilter(int pageSize) {
        stubActorsWithFiveEventsEach(pageSize, "aliases" + pageSize);

        Gql.post("""
                query Aliases($first: Int) {
                  actors(filter: {text: "actor"}, first: $first) { edges { node {
                    recent: events(first: 1) { pageInfo { hasNextPage } edges { node { title } } }
                    more: events(first: 3) { totalCount edges { node { title } } }
                    quarrels: events(first: 2, filter: {quadClasses: [4]}) { edges { node { title } } }
                  } } }
                }""", Map.of("first", pageSize))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.actors.edges[0].node.recent.edges.node.title", org.hamcrest.Matchers.contains("actor 0 event 0"))
                .body("data.actors.edges[0].node.recent.pageInfo.hasNextPage", is(true))
                .body("data.actors.edges[" + (pageSize - 1) + "].node.more.edges", hasSize(3))
                .body("data.actors.edges[" + (pageSize - 1) + "].node.more.totalCount", is(5))
                .body("data.actors.edges[" + (pageSize - 1) + "].node.quarrels.edges", hasSize(2));

        // first: 1 and first: 3 share a filter: one call asking 3 + 1 and a count; the quad filter is another.
        List<LoggedRequest> calls = events.findAll(getRequestedFor(urlPathEqualTo("/events/by-participants")));
        assertEquals(2, calls.size(), "by-participants calls, one per distinct filter");
        LoggedRequest plain = calls.stream().filter(c -> !c.queryParameter("quad").isPresent()).findFirst().orElseThrow();
        assertEquals("4", plain.queryParameter("limit").firstValue());
        assertEquals("true", plain.queryParameter("count").firstValue());
        assertEquals(pageSize, plain.queryParameter("actors").firstValue().split(",").length);
        LoggedRequest quarrels = calls.stream().filter(c -> c.queryParameter("quad").isPresent()).findFirst().orElseThrow();
        assertEquals("3", quarrels.queryParameter("limit").firstValue());
        assertEquals("false", quarrels.queryParameter("count").firstValue());
    }

    @Test
    void pagesActorEventsAfterACursorForManyActorsWithOneCall() {
        int n = 20;
        stubActorsWithFiveEventsEach(n, "after");
        String edges = "pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { title } }";
        JsonPath first = Gql.post("{ actors(filter: {text: \"actor\"}, first: " + n + ") { edges { node { events(first: 2) { "
                + edges + " } } } } }")
                .statusCode(200).body("errors", nullValue()).extract().jsonPath();
        String after0 = first.getString("data.actors.edges[0].node.events.pageInfo.endCursor");
        assertEquals(1, events.findAll(getRequestedFor(urlPathEqualTo("/events/by-participants"))).size());

        // Every actor of the page pages on after its own cursor (two aliases: after 2 events and after 1).
        String firstEdge = first.getString("data.actors.edges[0].node.events.edges[0].node.title");
        assertEquals("actor 0 event 0", firstEdge);
        JsonPath next = Gql.post("""
                query Next($after: String, $one: String) {
                  actors(filter: {text: "actor"}, first: 20) { edges { node {
                    next: events(first: 2, after: $after) { %s }
                    rest: events(first: 4, after: $one) { %s }
                  } } }
                }""".formatted(edges, edges), Map.of("after", after0, "one", cursorAfterOne(first)))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.actors.edges[7].node.next.edges.node.title",
                        org.hamcrest.Matchers.contains("actor 7 event 2", "actor 7 event 3"))
                .body("data.actors.edges[7].node.next.pageInfo.hasPreviousPage", is(true))
                .body("data.actors.edges[7].node.next.pageInfo.hasNextPage", is(true))
                .body("data.actors.edges[3].node.rest.edges.node.title",
                        org.hamcrest.Matchers.contains("actor 3 event 1", "actor 3 event 2", "actor 3 event 3",
                                "actor 3 event 4"))
                .body("data.actors.edges[3].node.rest.pageInfo.hasNextPage", is(false))
                .extract().jsonPath();
        assertEquals(n, next.getList("data.actors.edges").size());
        List<LoggedRequest> calls = events.findAll(getRequestedFor(urlPathEqualTo("/events/by-participants")));
        assertEquals(2, calls.size(), "one by-participants call for the first pages, one for every actor paging on");
        assertEquals("6", calls.get(1).queryParameter("limit").firstValue(), "skip 1 + 4, plus one");
        events.verify(0, getRequestedFor(urlPathEqualTo("/events")));
    }

    /** The cursor of actor 0's first edge: "after one event" (cursors say how many to skip from the start). */
    private static String cursorAfterOne(JsonPath firstPage) {
        return firstPage.getString("data.actors.edges[0].node.events.edges[0].cursor");
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 20 })
    void resolvesRelatedEventsOfAPageWithOneEventsByIdCall(int pageSize) {
        List<Object> items = new ArrayList<>();
        List<Object> linked = new ArrayList<>();
        for (int i = 0; i < pageSize; i++) {
            String linkedId = id("rel" + pageSize + "-linked-" + i);
            linked.add(event(linkedId, "linked " + i, List.of()));
            Map<String, Object> e = new java.util.LinkedHashMap<>(event(id("rel" + pageSize + "-ev-" + i), "event " + i,
                    List.of()));
            e.put("related", List.of(Map.of("kind", "FOLLOWS", "eventId", linkedId),
                    Map.of("kind", "PART_OF", "eventId", id("rel" + pageSize + "-linked-0"))));
            items.add(e);
        }
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("ids", WireMock.absent())
                .willReturn(okJson(page(items, null, pageSize))));
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("ids", matching(".+"))
                .willReturn(okJson(page(linked, null, pageSize))));

        Gql.post("query Page($first: Int) { events(first: $first) { edges { node { related { kind event { title } } } } } }",
                Map.of("first", pageSize))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.edges[" + (pageSize - 1) + "].node.related[0].event.title", is("linked " + (pageSize - 1)))
                .body("data.events.edges[" + (pageSize - 1) + "].node.related[1].event.title", is("linked 0"));

        List<LoggedRequest> byIds = events.findAll(getRequestedFor(urlPathEqualTo("/events")).withQueryParam("ids", matching(".+")));
        assertEquals(1, byIds.size(), "events-by-id calls for a page of " + pageSize);
        assertEquals(pageSize, byIds.get(0).queryParameter("ids").firstValue().split(",").length, "each id once");
    }

    @Test
    void chunksMoreThan500DistinctIdsIntoSeveralCalls() {
        List<Object> items = new ArrayList<>();
        List<Object> pool = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<String> participants = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                String actorId = id("chunk-" + i + "-" + j);
                participants.add(actorId);
                pool.add(actor(actorId, "chunk actor " + i + "/" + j));
            }
            items.add(event(id("chunk-event-" + i), "chunk event " + i, participants));
        }
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson(page(items, null, 100))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(okJson(page(pool, null, pool.size()))));

        Gql.post("{ events(first: 100) { edges { node { participants { actor { name } } } } } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.edges[99].node.participants[5].actor.name", is("chunk actor 99/5"));

        List<LoggedRequest> calls = actors.findAll(getRequestedFor(urlPathEqualTo("/actors")));
        assertEquals(2, calls.size(), "600 distinct ids = one call of 500 + one of 100");
        List<Integer> sizes = calls.stream().map(c -> c.queryParameter("ids").firstValue().split(",").length)
                .sorted().toList();
        assertEquals(List.of(100, 500), sizes);
    }

    @Test
    void filtersEventsByListsOfIdsAndEnums() {
        String a = id("filter-a");
        String b = id("filter-b");
        String place = id("filter-place");
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson(page(List.of(), null, 0))));

        Gql.post("""
                query Filtered($ids: [ID!], $place: ID!) {
                  events(filter: {actorIds: $ids, dyad: {a: $place, b: $place}, codes: ["042", "043"],
                                  quadClasses: [1, 2], statuses: [OCCURRED, ANNOUNCED], from: "2025-01-01",
                                  to: "2025-12-31", placeIds: [$place], text: "talks"}, first: 5) {
                    totalCount edges { node { id } }
                  }
                }""", Map.of("ids", List.of(a, b), "place", place))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.totalCount", is(0));

        LoggedRequest call = events.findAll(getRequestedFor(urlPathEqualTo("/events"))).get(0);
        assertEquals(List.of(a, b), call.queryParameter("actor").values());
        assertEquals(List.of("042", "043"), call.queryParameter("code").values());
        assertEquals(List.of("1", "2"), call.queryParameter("quad").values());
        assertEquals(List.of("OCCURRED", "ANNOUNCED"), call.queryParameter("status").values());
        assertEquals(place + "," + place, call.queryParameter("dyad").firstValue());
        assertEquals("2025-01-01", call.queryParameter("from").firstValue());
        assertEquals(List.of(place), call.queryParameter("place").values());
        assertEquals("talks", call.queryParameter("text").firstValue());
        assertEquals("5", call.queryParameter("limit").firstValue());
    }

    @Test
    void rejectsMalformedIdsWithoutCallingABackend() {
        Gql.post("{ actor(id: \"not-a-uuid\") { name } }")
                .statusCode(200)
                .body("data.actor", nullValue())
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("UUID"))
                .body("errors[0].path[0]", is("actor"));
        actors.verify(0, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void pagesWithRelayCursors() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(event(id("cursor-" + i), "cursor " + i, List.of()));
        }
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("after", WireMock.absent())
                .willReturn(okJson(page(items, "backend-next", 10))));
        events.stubFor(get(urlPathEqualTo("/events")).withQueryParam("after", WireMock.equalTo("backend-next"))
                .willReturn(okJson(page(items.subList(0, 1), null, 10))));

        String pageInfo = "pageInfo { hasNextPage endCursor hasPreviousPage startCursor }";
        JsonPath first = Gql.post("{ events(first: 3) { " + pageInfo + " edges { cursor } } }")
                .statusCode(200)
                .body("data.events.pageInfo.hasNextPage", is(true))
                .body("data.events.pageInfo.endCursor", notNullValue())
                .body("data.events.pageInfo.hasPreviousPage", is(false))
                .extract().jsonPath();
        // Relay: startCursor is the first edge's cursor, endCursor the last's.
        assertEquals(first.getString("data.events.edges[0].cursor"), first.getString("data.events.pageInfo.startCursor"));
        assertEquals(first.getString("data.events.edges[2].cursor"), first.getString("data.events.pageInfo.endCursor"));
        String end = first.getString("data.events.pageInfo.endCursor");

        JsonPath next = Gql.post("query Next($after: String) { events(first: 3, after: $after) { " + pageInfo
                + " edges { cursor node { title } } } }", Map.of("after", end))
                .statusCode(200)
                .body("data.events.edges", hasSize(1))
                .body("data.events.pageInfo.hasNextPage", is(false))
                .body("data.events.pageInfo.hasPreviousPage", is(true))
                .extract().jsonPath();
        assertEquals(next.getString("data.events.edges[0].cursor"), next.getString("data.events.pageInfo.startCursor"));

        // Resuming from the middle of a page (the first edge's cursor): items precede it too.
        Gql.post("query Mid($after: String) { events(first: 1, after: $after) { " + pageInfo + " edges { node { title } } } }",
                Map.of("after", first.getString("data.events.edges[0].cursor")))
                .statusCode(200)
                .body("data.events.edges[0].node.title", is("cursor 1"))
                .body("data.events.pageInfo.hasPreviousPage", is(true));
    }

    @Test
    void anEmptyPageHasNoStartCursorAndNoPreviousPage() {
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson(page(List.of(), null, 0))));

        Gql.post("{ events(first: 3) { pageInfo { hasNextPage endCursor hasPreviousPage startCursor } edges { cursor } } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.events.edges", hasSize(0))
                .body("data.events.pageInfo.startCursor", nullValue())
                .body("data.events.pageInfo.endCursor", nullValue())
                .body("data.events.pageInfo.hasPreviousPage", is(false))
                .body("data.events.pageInfo.hasNextPage", is(false));
    }

    @Test
    void countsBackendCallsInMetrics() {
        stubEventsPage(2, "metrics");
        Gql.post("{ events(first: 2) { edges { node { participants { actor { name } } } } } }").statusCode(200);

        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("http_client_requests_seconds_count"))
                .body(containsString("uri=\"/actors\""));
    }

    @Test
    void resolvesBothEndsOfEveryDyadWithOneActorsCall() {
        String putin = id("dyad-putin");
        String trump = id("dyad-trump");
        String zelensky = id("dyad-zelensky");
        Map<String, Object> stats = Map.of("a", putin, "b", trump, "interval", "month", "series",
                List.of(Map.of("period", "2025-11-01", "count", 2, "goldsteinMean", 1.5,
                        "quadCounts", List.of(Map.of("quadClass", 1, "count", 2)))));
        events.stubFor(get(urlPathEqualTo("/stats/dyad")).willReturn(okJson(stats)));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(okJson(page(List.of(actor(putin, "Vladimir Putin"), actor(trump, "Donald Trump"),
                        actor(zelensky, "Volodymyr Zelensky")), null, 3))));

        // Two dyads (aliases), each asking for both ends, b before a in one of them: one actors call.
        Gql.post("""
                query Two($p: ID!, $t: ID!, $z: ID!) {
                  first: dyad(a: $p, b: $t) { a { name } b { name } series { count } }
                  second: dyad(a: $z, b: $p) { b { name } a { name } }
                }""", Map.of("p", putin, "t", trump, "z", zelensky))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.first.a.name", is("Vladimir Putin"))
                .body("data.first.b.name", is("Donald Trump"))
                .body("data.first.series[0].count", is(2))
                .body("data.second.a.name", is("Volodymyr Zelensky"))
                .body("data.second.b.name", is("Vladimir Putin"));

        events.verify(2, getRequestedFor(urlPathEqualTo("/stats/dyad")));
        List<LoggedRequest> actorCalls = actors.findAll(getRequestedFor(urlPathEqualTo("/actors")));
        assertEquals(1, actorCalls.size(), "actors-service calls for a and b of two dyads");
        assertEquals(new HashSet<>(List.of(putin, trump, zelensky)),
                new HashSet<>(Arrays.asList(actorCalls.get(0).queryParameter("ids").firstValue().split(","))));
    }

    @Test
    void resolvesOneEndOfADyadWithOneActorsCall() {
        String putin = id("dyad1-putin");
        String trump = id("dyad1-trump");
        events.stubFor(get(urlPathEqualTo("/stats/dyad")).willReturn(okJson(
                Map.of("a", putin, "b", trump, "interval", "month", "series", List.of()))));
        actors.stubFor(get(urlPathEqualTo("/actors")).withQueryParam("ids", matching(".+"))
                .willReturn(okJson(page(List.of(actor(putin, "Vladimir Putin"), actor(trump, "Donald Trump")), null, 2))));

        Gql.post("query One($p: ID!, $t: ID!) { dyad(a: $p, b: $t) { b { name } } }", Map.of("p", putin, "t", trump))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.dyad.b.name", is("Donald Trump"));
        actors.verify(1, getRequestedFor(urlPathEqualTo("/actors")));
    }
}
