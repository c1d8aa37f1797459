package org.parley.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.gateway.client.JacksonBaseline.JACKSON;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway reads the services' instants and dates itself (BackendJsonTimes): for every text, the value, or the
 * error, must be the one Jackson's own deserializers give; and the application's ObjectMapper (the one its REST
 * clients decode answers with) must really use them.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class BackendJsonTimesTest {

    /** The application's own mapper, as Quarkus configured it with every customizer. */
    @Inject
    ObjectMapper gateway;

    @Test
    void theApplicationsMapperReadsInstantsAndDatesHere() throws Exception {
        for (Class<?> type : List.of(Instant.class, LocalDate.class)) {
            JsonDeserializer<?> used = JacksonBaseline.rootDeserializer(gateway, type);
            assertInstanceOf(BackendJsonTimes.Fast.class, used, type.getName());
            assertEquals(type, used.handledType());
        }
    }

    private static final List<String> INSTANTS = List.of(
            // the services' own form, with every fraction length
            "2025-11-27T09:14:03Z", "2025-11-27T09:14:03.1Z", "2025-11-27T09:14:03.12Z", "2025-11-27T09:14:03.123Z",
            "2025-11-27T09:14:03.1234Z", "2025-11-27T09:14:03.12345Z", "2025-11-27T09:14:03.123456Z",
            "2025-11-27T09:14:03.1234567Z", "2025-11-27T09:14:03.12345678Z", "2025-11-27T09:14:03.123456789Z",
            "2024-02-29T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
            "2024-12-18T00:15:21.696Z",
            // other forms Jackson reads: left to it
            "2025-11-27T09:14:03+02:00", "2025-11-27T09:14:03.5+00:00", "+10000-01-01T00:00:00Z", "2025-11-27T09:14Z",
            // not instants: Jackson's error
            "2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-11-27T24:00:00Z", "2025-11-27T09:60:00Z",
            "2025-11-27T09:14:60Z", "2025-11-27T09:14:03.Z", "2025-11-27T09:14:03.1234567890Z", "2025-11-27 09:14:03Z",
            "2025-11-27T09:14:03", "2025-1a-27T09:14:03Z", "", "yesterday");

    private static final List<String> DATES = List.of("2025-11-27", "2024-02-29", "0001-01-01", "9999-12-31",
            "2025-02-29", "2025-00-10", "2025-11-32", "2025-1-27", "20251127", "2025-11-27T00:00:00", "+12025-11-27",
            "2025/11/27", "", "today");

    @Test
    void readsEveryInstantAsJacksonDoes() {
        for (String text : INSTANTS) {
            assertEquals(outcome(JACKSON, text, Instant.class), outcome(gateway, text, Instant.class), text);
        }
    }

    @Test
    void readsEveryDateAsJacksonDoes() {
        for (String text : DATES) {
            assertEquals(outcome(JACKSON, text, LocalDate.class), outcome(gateway, text, LocalDate.class), text);
        }
    }

    @Test
    void numbersAndNullsStayWithJackson() throws Exception {
        assertEquals(JACKSON.readValue("1732698843", Instant.class), gateway.readValue("1732698843", Instant.class));
        assertEquals(JACKSON.readValue("1732698843.5", Instant.class), gateway.readValue("1732698843.5", Instant.class));
        assertEquals(JACKSON.readValue("[2025,11,27]", LocalDate.class), gateway.readValue("[2025,11,27]", LocalDate.class));
        EventsModel.Source source = gateway.readValue("{\"id\":\"s\",\"publishedAt\":null}", EventsModel.Source.class);
        assertNull(source.publishedAt());
    }

    @Test
    void theFastPathIsTakenForTheServicesForm() {
        // Not only equal values: the services' own form must not fall back to the formatter (the point of the class).
        assertEquals(Instant.parse("2025-11-27T09:14:03.123456Z"), BackendJsonTimes.instant("2025-11-27T09:14:03.123456Z"));
        assertEquals(LocalDate.parse("2024-02-29"), BackendJsonTimes.date("2024-02-29"));
        assertNotNull(BackendJsonTimes.instant("2025-11-27T09:14:03Z"));
        assertNull(BackendJsonTimes.instant("2025-11-27T09:14:03+02:00"));
    }

    @Test
    void aWholeEventReadsTheSame() throws Exception {
        String json = "{\"id\":\"e\",\"start\":\"2025-11-27\",\"end\":null,\"version\":3,"
                + "\"sources\":[{\"id\":\"s\",\"publishedAt\":\"2025-11-27T06:00:00.5Z\"}],"
                + "\"createdAt\":\"2025-11-27T09:14:03.123456Z\",\"updatedAt\":\"2025-11-28T00:00:00Z\"}";
        assertEquals(JACKSON.readValue(json, EventsModel.Event.class), gateway.readValue(json, EventsModel.Event.class));
    }

    /** The value read, or the error's class and message. */
    private static String outcome(ObjectMapper mapper, String text, Class<?> type) {
        try {
            return "value " + mapper.readValue("\"" + text + "\"", type);
        } catch (Exception e) {
            return "error " + e.getClass().getName() + ": " + e.getMessage().replaceAll("\\(through reference chain.*", "");
        }
    }
}
