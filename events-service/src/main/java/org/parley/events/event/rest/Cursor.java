package org.parley.events.event.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.parley.events.event.repository.EventRepository.Position;
import org.parley.events.event.repository.EventRepository.Sort;
import org.parley.common.params.Params;
import org.parley.common.problem.ApiException;

/** Opaque keyset cursor: base64url("sort|start-or-rank|id"). Only valid with the sort that made it. */
final class Cursor {

    private Cursor() {
    }

    static String encode(Sort sort, Position p) {
        if (p == null) {
            return null;
        }
        String key = sort == Sort.RELEVANCE ? Float.toString(p.rank()) : p.start().toString();
        String raw = sort.name() + "|" + key + "|" + p.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(Sort sort, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            if (!parts[0].equals(sort.name())) {
                throw ApiException.badRequest("after", "this cursor belongs to another sort order");
            }
            UUID id = UUID.fromString(parts[2]);
            return sort == Sort.RELEVANCE ? new Position(null, Float.parseFloat(parts[1]), id)
                    : new Position(Params.date("after", parts[1]), null, id);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ApiException.badRequest("after", "not a cursor returned by this service");
        }
    }
}
