package org.parley.gateway.client;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What the tests of the gateway's own readers (BackendJsonTimes, BackendRecords) hold them to: Jackson alone, and
 * which deserializer the application's mapper really picks for a type.
 */
final class JacksonBaseline {

    /** Jackson alone, configured as the gateway's mapper is for reading (unknown fields ignored). */
    static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JacksonBaseline() {
    }

    /** The deserializer {@code mapper} reads a whole body of {@code type} with. */
    static JsonDeserializer<?> rootDeserializer(ObjectMapper mapper, Class<?> type) throws IOException {
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), mapper.createParser("1"), null);
        return context.findRootValueDeserializer(mapper.constructType(type));
    }
}
