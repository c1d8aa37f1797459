package org.parley.gateway.graphql;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Parley ids are UUIDs. Checking them here answers a malformed id with BAD_USER_INPUT at once
 * instead of a round trip to a backend.
 */
final class Ids {

    private Ids() {
    }

    static String require(String field, String id) {
        if (id == null) {
            return null;
        }
        try {
            UUID.fromString(id);
            return id.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw GatewayError.badInput(field + " must be a UUID, got \"" + id + "\"");
        }
    }

    static List<String> requireAll(String field, Collection<String> ids) {
        if (ids == null) {
            return null;
        }
        return ids.stream().map(id -> require(field, id)).toList();
    }
}
