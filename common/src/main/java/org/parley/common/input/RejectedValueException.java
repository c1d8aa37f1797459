package org.parley.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value that parsed but breaks an {@link InputRules} rule. Jackson prepends the field path
 * while the exception travels out through the enclosing objects and arrays, so the problem+json
 * answer can name e.g. {@code metrics} or {@code sources[2].excerpt}.
 */
public final class RejectedValueException extends JsonMappingException {

    private final String reason;

    RejectedValueException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    /** The client-facing reason, without Jackson's location text. */
    public String reason() {
        return reason;
    }
}
