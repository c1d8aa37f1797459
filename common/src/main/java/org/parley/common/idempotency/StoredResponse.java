package org.parley.common.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a keyed write, kept with the key so a retry gets it again byte for byte: status,
 * {@code Location}, {@code ETag} (each may be null) and the JSON body exactly as first sent.
 */
public record StoredResponse(int status, String location, String etag, String body) {

    /** Marks a replayed answer, so a client (or a test) can tell it from the first one. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public Response toResponse(boolean replayed) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (location != null) {
            builder.header("Location", location);
        }
        if (etag != null) {
            builder.header("ETag", etag);
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }
}
