package org.parley.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.parley.gateway.client.JacksonBaseline.JACKSON;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway reads the services' hot records itself (BackendRecords): for every body, the record it builds, or the
 * failure, must be the one Jackson's own bean deserializers give, and the application's ObjectMapper (the one its
 * REST clients decode answers with) must really use the readers.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class BackendRecordsTest {

    private static final List<Class<?>> READ_HERE = List.of(EventsModel.Event.class, EventsModel.Participant.class,
            EventsModel.Source.class, EventsModel.Related.class, EventsModel.EventPage.class,
            EventsModel.ParticipantEvents.class, ActorsModel.Actor.class, ActorsModel.ActorPage.class);

    /** An event with every field of EventsModel.Event set (a field missing from the reader comes out null). */
    private static final String EVERY_FIELD = """
            {"id":"e1","title":"Witkoff meets Putin","summary":"Talks in Moscow","code":"040","goldstein":1.5,
             "quadClass":1,"rootCode":"04","status":"OCCURRED","start":"2025-11-27","end":"2025-11-28",
             "precision":"DAY","locationId":"p1","subjectIds":["p2","p3"],
             "participants":[{"actorId":"a1","role":"SOURCE"},{"actorId":"a2","role":"TARGET"}],
             "sources":[{"id":"s1","url":"https://example.org/1","publisher":"Reuters","title":"T",
                         "publishedAt":"2025-11-27T09:14:03.123456Z","excerpt":"\\"We agreed\\"","speakerId":"a1"}],
             "related":[{"kind":"FOLLOWS","eventId":"e0"}],"externalIds":["gdelt:1"],"version":3,
             "createdAt":"2025-11-27T10:00:00Z","updatedAt":"2025-11-28T10:00:00.5Z"}""";

    private static final String EVERY_ACTOR_FIELD = """
            {"id":"a1","kind":"PERSON","name":"Steve Witkoff","aliases":["Witkoff","Steven Witkoff"],
             "country":"USA","cameoCode":"USAGOV","wikidataId":"Q1","description":"US special envoy","version":2,
             "createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-11-27T09:14:03.1Z"}""";

    /** The application's own mapper, as Quarkus configured it with every customizer. */
    @Inject
    ObjectMapper gateway;

    @Test
    void theApplicationsMapperReadsTheHotRecordsHere() throws Exception {
        for (Class<?> type : READ_HERE) {
            JsonDeserializer<?> used = JacksonBaseline.rootDeserializer(gateway, type);
            assertInstanceOf(BackendRecords.Reader.class, used, type.getName());
            assertEquals(type, used.handledType());
        }
    }

    @Test
    void theServicesOwnAnswersComeOutAsJacksonBuildsThem() throws Exception {
        EventsModel.EventPage page = same(EventsModel.EventPage.class, sample("events-page.json"));
        assertEquals(20, page.items().size());
        assertNotNull(page.items().get(0).sources().get(0).publishedAt());
        same(EventsModel.ParticipantEvents[].class, sample("events-by-participants.json"));
        ActorsModel.ActorPage actors = same(ActorsModel.ActorPage.class, sample("actors-by-ids.json"));
        assertNotNull(actors.items().get(0).createdAt());
    }

    @Test
    void everyFieldIsRead() throws Exception {
        EventsModel.Event event = same(EventsModel.Event.class, EVERY_FIELD);
        for (var component : EventsModel.Event.class.getRecordComponents()) {
            assertNotNull(component.getAccessor().invoke(event), component.getName());
        }
        ActorsModel.Actor actor = same(ActorsModel.Actor.class, EVERY_ACTOR_FIELD);
        for (var component : ActorsModel.Actor.class.getRecordComponents()) {
            assertNotNull(component.getAccessor().invoke(actor), component.getName());
        }
        same(EventsModel.EventPage.class, "{\"items\":[" + EVERY_FIELD + "],\"nextCursor\":\"c\",\"totalCount\":7,"
                + "\"totalCountIsExact\":false}");
        same(EventsModel.ParticipantEvents[].class, "[{\"actorId\":\"a1\",\"items\":[" + EVERY_FIELD + "],"
                + "\"totalCount\":1,\"totalCountIsExact\":true}]");
        same(ActorsModel.ActorPage.class, "{\"items\":[" + EVERY_ACTOR_FIELD + "],\"nextCursor\":null,"
                + "\"totalCount\":1}");
    }

    @Test
    void missingNullAndEmptyValuesComeOutAsJacksonBuildsThem() throws Exception {
        for (String body : List.of("{}", "{\"id\":null,\"goldstein\":null,\"quadClass\":null,\"version\":null,"
                + "\"subjectIds\":null,\"participants\":null,\"start\":null,\"createdAt\":null}",
                "{\"subjectIds\":[],\"participants\":[],\"sources\":[],\"related\":[],\"externalIds\":[]}",
                "{\"subjectIds\":[null,\"p1\"],\"participants\":[null,{}],\"sources\":[{}],\"related\":[null]}")) {
            same(EventsModel.Event.class, body);
        }
        same(EventsModel.EventPage.class, "{}");
        same(EventsModel.EventPage.class, "{\"items\":null,\"totalCount\":null,\"totalCountIsExact\":null}");
        same(EventsModel.EventPage.class, "{\"items\":[null,{}]}");
        same(ActorsModel.ActorPage.class, "{\"totalCount\":null}");
        same(ActorsModel.Actor.class, "{\"aliases\":[null],\"version\":null}");
        same(EventsModel.Event.class, "null");
        same(EventsModel.EventPage[].class, "[null]");
    }

    @Test
    void unknownFieldsOfEveryShapeAreSkipped() throws Exception {
        String unknown = "\"n\":1,\"s\":\"x\",\"o\":{\"a\":[1,{\"b\":null}]},\"l\":[[],{}],\"t\":true,\"z\":null,";
        same(EventsModel.Event.class, "{" + unknown + EVERY_FIELD.substring(1));
        same(EventsModel.Event.class, EVERY_FIELD.substring(0, EVERY_FIELD.length() - 1) + "," + unknown
                .substring(0, unknown.length() - 1) + "}");
        same(EventsModel.EventPage.class, "{" + unknown + "\"items\":[{" + unknown + "\"participants\":[{" + unknown
                + "\"role\":\"SOURCE\"}],\"sources\":[{" + unknown + "\"id\":\"s\"}],\"related\":[{" + unknown
                + "\"kind\":\"K\"}]}]}");
        same(ActorsModel.ActorPage.class, "{" + unknown + "\"items\":[{" + unknown + "\"name\":\"N\"}]}");
    }

    @Test
    void valuesOfAnotherTypeAreJacksonsToCoerceOrRefuse() throws Exception {
        List<String> fields = List.of("\"id\":1", "\"id\":1.5", "\"id\":true", "\"id\":{}", "\"id\":[\"x\"]",
                "\"goldstein\":\"1.5\"", "\"goldstein\":2", "\"goldstein\":\"x\"", "\"goldstein\":1e400",
                "\"quadClass\":2.0", "\"quadClass\":2.5", "\"quadClass\":\"3\"", "\"quadClass\":3000000000",
                "\"quadClass\":true", "\"version\":\"4\"", "\"version\":4.0", "\"version\":99999999999999999999",
                "\"version\":-1", "\"start\":\"2025-02-30\"", "\"start\":\"2025-2-3\"", "\"start\":20251127",
                "\"start\":[2025,11,27]", "\"start\":\"+12025-11-27\"", "\"createdAt\":\"2025-11-27T09:14:03+01:00\"",
                "\"createdAt\":1764234843", "\"createdAt\":1764234843.5", "\"createdAt\":\"yesterday\"",
                "\"subjectIds\":\"p1\"", "\"subjectIds\":[1,true]", "\"subjectIds\":{}", "\"participants\":{}",
                "\"participants\":\"a\"", "\"participants\":[\"a\"]", "\"participants\":[[]]",
                "\"sources\":[{\"publishedAt\":5}]", "\"related\":[1]");
        for (String field : fields) {
            same(EventsModel.Event.class, "{" + field + "}");
            same(EventsModel.EventPage.class, "{\"items\":[{" + field + "}]}");
        }
        for (String body : List.of("{\"totalCount\":\"5\"}", "{\"totalCount\":5.0}", "{\"totalCountIsExact\":\"true\"}",
                "{\"totalCountIsExact\":1}", "{\"items\":{}}", "{\"items\":\"x\"}", "{\"nextCursor\":7}")) {
            same(EventsModel.EventPage.class, body);
            same(ActorsModel.ActorPage.class, body);
        }
        for (String body : List.of("\"x\"", "1", "[]", "true")) {
            same(EventsModel.Event.class, body);
            same(ActorsModel.Actor.class, body);
        }
    }

    /**
     * Both mappers on the body: the same record, or failures of the same type and message (the message names the
     * field's path). Returns the record.
     */
    private <T> T same(Class<T> type, String body) throws Exception {
        Object expected = attempt(JACKSON, type, body);
        Object actual = attempt(gateway, type, body);
        if (expected instanceof Exception e) {
            if (!(actual instanceof Exception a) || !e.getClass().equals(a.getClass())
                    || !e.getMessage().equals(a.getMessage())) {
                fail(body + ": Jackson fails with " + e + ", the gateway's mapper gives " + actual);
            }
            return null;
        }
        if (type.isArray()) {
            assertEquals(Arrays.asList((Object[]) expected), Arrays.asList((Object[]) actual), body);
        } else {
            assertEquals(expected, actual, body);
        }
        return type.cast(actual);
    }

    private static Object attempt(ObjectMapper mapper, Class<?> type, String body) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            return e;
        }
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = BackendRecordsTest.class.getResourceAsStream("/backend-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
