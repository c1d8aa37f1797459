package org.parley.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;

import org.parley.gateway.graphql.model.PageInfo;

/**
 * Relay cursors on top of the backends' keyset cursors. A backend only gives the cursor after its
 * last item, so an edge cursor is (backend cursor at the start of the page, items to skip). Resuming
 * from the middle of a page re-reads that page from its start and skips; the end cursor of a page is
 * always (backend next cursor, 0), so the skip never grows beyond one page.
 */
final class Cursors {

    record Position(String backendCursor, int skip) {
    }

    /**
     * One page: its items with their cursors, whether more follow, and whether any precede. A cursor this API
     * gave out always points just past an item, so a page read after one has items before it.
     */
    record Page<T>(List<T> items, List<String> cursors, boolean hasNextPage, String endCursor,
            boolean hasPreviousPage) {

        String startCursor() {
            return cursors.isEmpty() ? null : cursors.get(0);
        }
    }

    private Cursors() {
    }

    static String encode(String backendCursor, int skip) {
        String raw = skip + ":" + (backendCursor == null ? "" : backendCursor);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return new Position(null, 0);
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            int skip = Integer.parseInt(raw.substring(0, colon));
            String backend = raw.substring(colon + 1);
            if (skip < 0 || skip > 10_000) {
                throw new IllegalArgumentException();
            }
            return new Position(backend.isEmpty() ? null : backend, skip);
        } catch (RuntimeException e) {
            throw GatewayError.badInput("after is not a cursor this API gave out");
        }
    }

    /** How many items to ask the backend for, to serve {@code first} after {@code position}. */
    static int limit(Position position, int first) {
        return position.skip() + first;
    }

    /** Cuts the backend answer down to the page and gives each item its cursor. */
    static <T> Page<T> page(Position position, List<T> backendItems, String backendNext, int first) {
        List<T> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (int i = position.skip(); i < backendItems.size() && items.size() < first; i++) {
            items.add(backendItems.get(i));
            cursors.add(encode(position.backendCursor(), i + 1));
        }
        boolean hasNext = backendNext != null;
        String end = null;
        if (!items.isEmpty()) {
            int lastIndex = position.skip() + items.size();
            // When the page ends where the backend's answer ends, its next cursor is the clean resume point.
            end = lastIndex == backendItems.size() && backendNext != null ? encode(backendNext, 0)
                    : cursors.get(cursors.size() - 1);
            hasNext = hasNext || lastIndex < backendItems.size();
            if (lastIndex == backendItems.size() && backendNext != null) {
                cursors.set(cursors.size() - 1, end);
            }
        }
        boolean hasPrevious = position.backendCursor() != null || position.skip() > 0;
        return new Page<>(items, cursors, hasNext, end, hasPrevious);
    }

    static PageInfo pageInfo(Page<?> page) {
        return new PageInfo(page.hasNextPage(), page.endCursor(), page.hasPreviousPage(), page.startCursor());
    }

    static <T, E> List<E> edges(Page<T> page, BiFunction<String, T, E> edge) {
        List<E> edges = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(edge.apply(page.cursors().get(i), page.items().get(i)));
        }
        return edges;
    }
}
