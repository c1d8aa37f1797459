package org.parley.common.input;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Makes both services' ObjectMapper refuse, at the field that carries it, any JSON value that could
 * be stored but not read back (see {@link InputRules}): text with U+0000 (also as a map key), a
 * number that overflows a double or spells NaN/Infinity, a date or time outside 0001–9999. Jackson's
 * own deserializers still parse; the check wraps them, so formats and coercions stay as they were.
 * A CDI bean of this jar, so both services get it without configuring anything.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    private static final Set<Class<?>> CHECKED = Set.of(String.class, LocalDate.class, Instant.class,
            OffsetDateTime.class, ZonedDateTime.class, Double.class, double.class, Float.class, float.class);

    @Override
    public void customize(ObjectMapper mapper) {
        // Jackson would otherwise accept {"kind": 1} as the second enum constant: a silent surprise.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("parley-input-rules").setDeserializerModifier(new Checks()));
    }

    private static final class Checks extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return CHECKED.contains(description.getBeanClass()) ? new CheckedDeserializer(deserializer) : deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                KeyDeserializer deserializer) {
            if (deserializer == null || type.getRawClass() != String.class) {
                return deserializer;
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                    String problem = InputRules.textProblem(key);
                    if (problem != null) {
                        throw new RejectedValueException(ctxt.getParser(), "keys " + problem);
                    }
                    return deserializer.deserializeKey(key, ctxt);
                }
            };
        }
    }
}
