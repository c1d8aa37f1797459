package org.parley.events.event.rest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.parley.events.event.repository.EventRepository.Position;
import org.parley.events.event.repository.EventRepository.Sort;
import org.parley.common.problem.ApiException;

/**
 * Opaque keyset cursor: base64url("sort|start-or-rank|id"), for relevance led by one word (TextRanking)
 * "RELEVANCE|rank|id|word" (the word last: it may hold a "|"). Only valid with the sort that made it.
 */
final class Cursor {

    private Cursor() {
    }

    static String encode(Sort sort, Position p) {
        if (p == null) {
            return null;
        }
        String key = sort == Sort.RELEVANCE ? Float.toString(p.rank()) : p.start().toString();
        String raw = sort.name() + "|" + key + "|" + p.id() + (p.lead() == null ? "" : "|" + p.lead());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A cursor's date may lie outside the 0001–9999 the API accepts (an event stored before that
     * rule), so paging past it must work; only what PostgreSQL cannot hold (before 4713 BC) is refused.
     */
    private static LocalDate storableDate(String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() < -4712 || date.getYear() > 5_874_896) {
            throw new IllegalArgumentException("outside PostgreSQL's dates");
        }
        return date;
    }

    static Position decode(Sort sort, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length != 3 && !(parts.length == 4 && !parts[3].isEmpty())) {
                throw new IllegalArgumentException();
            }
            if (!parts[0].equals(sort.name())) {
                throw ApiException.badRequest("after", "this cursor belongs to another sort order");
            }
            UUID id = UUID.fromString(parts[2]);
            return sort == Sort.RELEVANCE ? new Position(null, Float.parseFloat(parts[1]), id, parts.length == 4 ? parts[3] : null)
                    : new Position(storableDate(parts[1]), null, id);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ApiException.badRequest("after", "not a cursor returned by this service");
        }
    }
}
