package org.parley.common.idempotency;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The statements of a keyed write, run on the connection of the write's own transaction: the key
 * is stored, or found, in the same commit as the write it guards. SQL uses PostgreSQL's {@code $n}
 * parameters; each service adapts its way of writing (a Hibernate Reactive session, a Vert.x
 * connection).
 */
public interface IdempotencySql {

    /** A query; each row as its column values in select order. */
    Uni<List<Object[]>> query(String sql, Object... params);

    /** A statement without rows. */
    Uni<Void> update(String sql, Object... params);
}
