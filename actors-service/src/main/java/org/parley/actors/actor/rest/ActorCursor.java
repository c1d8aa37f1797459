package org.parley.actors.actor.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.parley.common.input.InputRules;
import org.parley.common.problem.ApiException;

/**
 * The opaque `after` cursor: the (name, id) of the last actor on a page, base64url-encoded.
 * Clients must not build it; its format may change.
 */
record ActorCursor(String name, UUID id) {

    String encode() {
        String raw = id + "\n" + name;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ActorCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int newline = raw.indexOf('\n');
            if (newline == 36 && InputRules.textProblem(raw) == null) {
                return new ActorCursor(raw.substring(newline + 1), UUID.fromString(raw.substring(0, newline)));
            }
        } catch (IllegalArgumentException e) {
            // handled below
        }
        throw ApiException.badRequest("after", "is not a cursor this service issued; pass a previous page's nextCursor");
    }
}
