package org.parley.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import java.io.IOException;

/** Jackson's own deserializer for a scalar type, followed by the {@link InputRules} check of its result. */
final class CheckedDeserializer extends DelegatingDeserializer {

    CheckedDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new CheckedDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return checked(p, super.deserialize(p, ctxt));
    }

    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws IOException {
        return checked(p, super.deserializeWithType(p, ctxt, typeDeserializer));
    }

    private static Object checked(JsonParser p, Object value) throws RejectedValueException {
        String problem = InputRules.problemOf(value);
        if (problem != null) {
            throw new RejectedValueException(p, problem);
        }
        return value;
    }
}
