package org.parley.events.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.parley.events.Fixtures.actor;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.list;
import static org.parley.events.Fixtures.participants;
import static org.parley.events.Fixtures.place;
import static org.parley.events.Fixtures.record;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EventResourceTest {

    @Test
    void recordsEventWithDerivedCatalogueValuesAndChildren() {
        String ukraine = place("Ukraine", "COUNTRY", null);
        String donetsk = place("Donetsk", "REGION", ukraine);
        String putin = actor();
        String kyiv = actor();
        Map<String, Object> body = with(event("Putin demands withdrawal", "106", "2025-11-27"),
                "summary", "Putin demands that Ukraine withdraw from Donbas",
                "locationId", ukraine,
                "subjectIds", list(donetsk),
                "participants", participants(putin, "SOURCE", kyiv, "TARGET"),
                "sources", List.of(Map.of("url", "https://example.org/a", "publisher", "Example",
                        "publishedAt", "2025-11-27T10:15:00Z", "excerpt", "Ukrainian troops must leave", "speakerId", putin)),
                "externalIds", list("test:" + UUID.randomUUID()),
                "metrics", Map.of("numArticles", 12, "avgTone", -3.5));

        String location = record(body).statusCode(201)
                .header("Location", containsString("/events/"))
                .body("code", equalTo("106"))
                .body("rootCode", equalTo("10"))
                .body("quadClass", equalTo(3))
                .body("goldstein", equalTo(-5.0f))
                .body("precision", equalTo("DAY"))
                .body("version", equalTo(0))
                .body("subjectIds", contains(donetsk))
                .body("participants.actorId", contains(putin, kyiv))
                .body("participants.role", contains("SOURCE", "TARGET"))
                .body("sources[0].publisher", equalTo("Example"))
                .body("sources[0].publishedAt", equalTo("2025-11-27T10:15:00Z"))
                .body("sources[0].speakerId", equalTo(putin))
                .body("metrics.numArticles", equalTo(12.0f))
                .body("createdAt", notNullValue())
                .extract().header("Location");

        given().get(location).then().statusCode(200).body("title", equalTo("Putin demands withdrawal"))
                .body("externalIds", hasSize(1));
    }

    @Test
    void rejectsUnknownCameoCodeWith400AndWritesNothing() {
        String title = unique("unknown code");
        record(event(title, "999", "2025-11-27")).statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("code"))
                .body("detail", containsString("999"));
        given().queryParam("text", title).get("/events").then().statusCode(200).body("totalCount", equalTo(0));
    }

    @Test
    void reportsBeanValidationViolationsWithFieldPaths() {
        Map<String, Object> body = with(event("", "106", "2025-11-27"),
                "participants", List.of(Map.of("actorId", actor())));
        record(body).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("participants[0].role"))
                .body("violations.field", hasItem("title"));
    }

    @Test
    void rejectsUnknownEnumValueMalformedDateUuidAndJsonWith400() {
        record(with(event("x", "106", "2025-11-27"), "status", "RUMOURED")).statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].message", containsString("OCCURRED"));
        record(with(event("x", "106", "2025-13-40"))).statusCode(400)
                .body("violations[0].field", equalTo("start"));
        record(with(event("x", "106", "2025-11-27"), "participants", List.of(Map.of("actorId", "nope", "role", "SOURCE"))))
                .statusCode(400).body("violations[0].field", equalTo("participants[0].actorId"));
        given().contentType(ContentType.JSON).body("{\"title\": ").post("/events").then().statusCode(400)
                .contentType("application/problem+json").body("detail", not(containsString("Exception")));
        given().get("/events/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void rejectsUnknownPlacesAndEndBeforeStart() {
        record(with(event("x", "106", "2025-11-27"), "locationId", UUID.randomUUID().toString())).statusCode(400)
                .body("violations[0].field", equalTo("locationId"));
        record(with(event("x", "106", "2025-11-27"), "subjectIds", list(UUID.randomUUID().toString()))).statusCode(400)
                .body("violations[0].field", equalTo("subjectIds[0]"));
        record(with(event("x", "106", "2025-11-27"), "end", "2025-11-20")).statusCode(400)
                .body("violations[0].field", equalTo("end"));
    }

    @Test
    void returns404ForUnknownEvent() {
        given().get("/events/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().delete("/events/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void replacesWithCurrentVersionAndRejectsStaleOrMissingVersion() {
        String id = recordId(with(event(unique("replace me"), "042", "2025-10-01"), "participants",
                participants(actor(), "HOST")));
        Map<String, Object> replacement = with(event("replaced", "036", "2025-10-02"), "version", 0);
        given().contentType(ContentType.JSON).body(replacement).put("/events/" + id).then().statusCode(200)
                .body("title", equalTo("replaced")).body("code", equalTo("036")).body("quadClass", equalTo(1))
                .body("version", equalTo(1)).body("participants", empty());

        given().contentType(ContentType.JSON).body(with(replacement, "title", "stale")).put("/events/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/events/" + id).then().body("title", equalTo("replaced")).body("version", equalTo(1));

        given().contentType(ContentType.JSON).body(with(replacement, "version", null)).put("/events/" + id)
                .then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(with(replacement, "version", null, "title", "via if-match"))
                .put("/events/" + id).then().statusCode(200).body("version", equalTo(2));
        given().contentType(ContentType.JSON).body(with(replacement, "version", 0)).put("/events/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void answersVersionProblemsLikeActorsService() {
        String id = recordId(event(unique("versioned"), "042", "2025-10-01"));
        Map<String, Object> replacement = with(event("replaced", "042", "2025-10-01"), "version", 0);
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(replacement).put("/events/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parley:problem:validation")).body("violations[0].field", equalTo("version"));
        given().contentType(ContentType.JSON).header("If-Match", "yesterday").body(with(replacement, "version", null))
                .put("/events/" + id).then().statusCode(400).body("violations[0].field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).body(with(replacement, "version", null)).put("/events/" + id)
                .then().statusCode(428).body("type", equalTo("urn:parley:problem:version-required"));
        given().contentType(ContentType.JSON).body(with(replacement, "version", 5)).put("/events/" + id)
                .then().statusCode(409).body("type", equalTo("urn:parley:problem:stale-version"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(Map.of("title", "x", "version", 0))
                .patch("/events/" + id).then().statusCode(400).body("violations[0].field", equalTo("version"));
        given().get("/events/" + id).then().body("version", equalTo(0));
    }

    @Test
    void patchesWithJsonMergePatch() {
        String source = actor();
        String id = recordId(with(event(unique("patch me"), "042", "2025-10-01"),
                "summary", "to be removed", "participants", participants(source, "SOURCE"),
                "metrics", Map.of("a", 1, "b", 2)));
        given().contentType("application/merge-patch+json")
                .body(Map.of("version", 0, "title", "patched", "metrics", Map.of("b", 3)))
                .patch("/events/" + id).then().statusCode(200)
                .body("title", equalTo("patched")).body("summary", equalTo("to be removed"))
                .body("participants.actorId", contains(source))
                .body("metrics.a", equalTo(1.0f)).body("metrics.b", equalTo(3.0f))
                .body("version", equalTo(1));
        given().contentType("application/merge-patch+json").body("{\"summary\": null, \"version\": 1}")
                .patch("/events/" + id).then().statusCode(200).body("summary", nullValue());
        given().contentType("application/merge-patch+json").body(Map.of("title", "no version"))
                .patch("/events/" + id).then().statusCode(428);
        given().contentType("application/merge-patch+json").body(Map.of("title", "stale", "version", 0))
                .patch("/events/" + id).then().statusCode(409);
        given().contentType("application/merge-patch+json").body(Map.of("status", "MAYBE", "version", 2))
                .patch("/events/" + id).then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().contentType("application/merge-patch+json").body(Map.of("title", "", "version", 2))
                .patch("/events/" + id).then().statusCode(400).body("violations[0].field", equalTo("title"));
        given().get("/events/" + id).then().body("title", equalTo("patched")).body("version", equalTo(2));
    }

    @Test
    void deletesEvent() {
        String id = recordId(event(unique("delete me"), "042", "2025-10-01"));
        given().delete("/events/" + id).then().statusCode(204);
        given().get("/events/" + id).then().statusCode(404);
    }

    @Test
    void addsSourceAndBumpsVersion() {
        String id = recordId(event(unique("sourced"), "042", "2025-10-01"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/b", "excerpt", "a quote"))
                .post("/events/" + id + "/sources").then().statusCode(201)
                .body("sources", hasSize(1)).body("sources[0].excerpt", equalTo("a quote"))
                .body("sources[0].id", notNullValue()).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("url", "not a url"))
                .post("/events/" + id + "/sources").then().statusCode(400).body("violations[0].field", equalTo("url"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/c"))
                .post("/events/" + UUID.randomUUID() + "/sources").then().statusCode(404);
    }

    @Test
    void acceptsASourceWithoutAddressButNotOneWithNeitherUrlNorTitle() {
        String id = recordId(event(unique("printed"), "042", "2025-10-01"));
        given().contentType(ContentType.JSON).body(Map.of("title", "A printed report", "excerpt", "a quote"))
                .post("/events/" + id + "/sources").then().statusCode(201)
                .body("sources[0].url", nullValue()).body("sources[0].title", equalTo("A printed report"));
        given().contentType(ContentType.JSON).body(Map.of("excerpt", "from nowhere"))
                .post("/events/" + id + "/sources").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("identified"));
        given().get("/events/" + id).then().statusCode(200).body("sources", hasSize(1)).body("version", equalTo(1));
    }

    @Test
    void linksAndUnlinksRelatedEvents() {
        String first = recordId(event(unique("talks"), "046", "2025-10-01"));
        String second = recordId(event(unique("reply"), "042", "2025-10-02"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "RESPONDS_TO", "eventId", first))
                .post("/events/" + second + "/related").then().statusCode(201)
                .body("related[0].kind", equalTo("RESPONDS_TO")).body("related[0].eventId", equalTo(first));
        given().contentType(ContentType.JSON).body(Map.of("kind", "FOLLOWS", "eventId", second))
                .post("/events/" + second + "/related").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("kind", "FOLLOWS", "eventId", UUID.randomUUID().toString()))
                .post("/events/" + second + "/related").then().statusCode(400).body("violations[0].field", equalTo("eventId"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SIMILAR", "eventId", first))
                .post("/events/" + second + "/related").then().statusCode(400).body("violations[0].field", equalTo("kind"));
        given().delete("/events/" + second + "/related/RESPONDS_TO/" + first).then().statusCode(204);
        given().delete("/events/" + second + "/related/RESPONDS_TO/" + first).then().statusCode(404);
        given().get("/events/" + second).then().body("related", empty());
    }

    @Test
    void rejectsDuplicateExternalIdWith409() {
        String external = "test:" + UUID.randomUUID();
        recordId(with(event(unique("first"), "042", "2025-10-01"), "externalIds", list(external)));
        record(with(event(unique("second"), "042", "2025-10-01"), "externalIds", list(external))).statusCode(409);
        record(with(event(unique("bad"), "042", "2025-10-01"), "externalIds", list("no-colon"))).statusCode(400)
                .body("violations[0].field", equalTo("externalIds[0]"));
    }

    @Test
    void batchInsertsInOneTransactionAndSkipsKnownExternalIds() {
        String known = "gdelt:" + UUID.randomUUID();
        recordId(with(event(unique("already imported"), "042", "2025-10-01"), "externalIds", list(known)));
        String fresh = "gdelt:" + UUID.randomUUID();
        Map<String, Object> request = Map.of("items", List.of(
                with(event(unique("known"), "042", "2025-10-01"), "externalIds", list(known)),
                with(event(unique("fresh"), "057", "2025-10-01"), "externalIds", list(fresh)),
                with(event(unique("fresh twice"), "057", "2025-10-01"), "externalIds", list(fresh)),
                event(unique("no external id"), "112", "2025-10-01")));
        List<String> ids = given().contentType(ContentType.JSON).body(request).post("/events/batch").then()
                .statusCode(200).body("inserted", equalTo(2)).body("skipped", equalTo(2))
                .body("ids[0]", nullValue()).body("ids[2]", nullValue())
                .extract().path("ids");
        given().get("/events/" + ids.get(1)).then().statusCode(200).body("externalIds", contains(fresh));
        // the same file again is a no-op for the items with external ids
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(
                with(event(unique("fresh again"), "057", "2025-10-01"), "externalIds", list(fresh)))))
                .post("/events/batch").then().statusCode(200).body("inserted", equalTo(0)).body("skipped", equalTo(1));
    }

    @Test
    void batchRejectsAllWhenOneItemIsInvalid() {
        String title = unique("batch invalid");
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(
                event(title, "042", "2025-10-01"), event(title, "999", "2025-10-01"))))
                .post("/events/batch").then().statusCode(400).body("violations[0].field", equalTo("items[1].code"));
        given().queryParam("text", title).get("/events").then().body("totalCount", is(0));
    }
}
