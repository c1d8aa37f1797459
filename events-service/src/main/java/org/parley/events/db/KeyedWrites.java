package org.parley.events.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.parley.common.idempotency.IdempotencySql;
import org.parley.common.idempotency.IdempotentWrites;
import org.parley.common.idempotency.IdempotentWrites.KeyedRequest;
import org.parley.common.idempotency.StoredResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes that may carry an {@code Idempotency-Key}: one transaction on the reactive pool holds the
 * write and its key record (see {@link IdempotentWrites}). The Hibernate writes (places) use
 * {@link IdempotentWrites#inPanacheTransaction} instead.
 */
@ApplicationScoped
public class KeyedWrites {

    private final Sql sql;
    private final IdempotentWrites writes;

    public KeyedWrites(Sql sql, IdempotentWrites writes) {
        this.sql = sql;
        this.writes = writes;
    }

    /** The key (400 if malformed) and fingerprint of a write request. */
    public KeyedRequest request(String keyHeader, String method, String path, Object body) {
        return writes.request(keyHeader, method, path, body);
    }

    /** The answer to send and, with a key, to keep. */
    public StoredResponse answer(int status, String location, Object body) {
        return writes.answer(status, location, null, body);
    }

    public Uni<Response> inTransaction(KeyedRequest request, Function<SqlConnection, Uni<StoredResponse>> write) {
        return sql.inTransaction(c -> writes.run(on(c), request, () -> write.apply(c)));
    }

    public Uni<Response> inPanacheTransaction(KeyedRequest request, Supplier<Uni<StoredResponse>> write) {
        return writes.inPanacheTransaction(request, write);
    }

    private IdempotencySql on(SqlConnection c) {
        return new IdempotencySql() {
            @Override
            public Uni<List<Object[]>> query(String statement, Object... params) {
                return sql.query(c, statement, Tuple.from(params)).map(rows -> {
                    List<Object[]> out = new ArrayList<>();
                    for (Row row : rows) {
                        Object[] columns = new Object[row.size()];
                        for (int i = 0; i < columns.length; i++) {
                            columns[i] = row.getValue(i);
                        }
                        out.add(columns);
                    }
                    return out;
                });
            }

            @Override
            public Uni<Void> update(String statement, Object... params) {
                return sql.query(c, statement, Tuple.from(params)).replaceWithVoid();
            }
        };
    }
}
