package org.parley.events.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one door from the event repositories to PostgreSQL (reactive client). Every statement goes
 * through {@link #query}, which counts it: in the metric {@code parley.sql.statements} and per
 * request ({@link StatementCountFilter}), which lets tests prove that a batched read is one statement.
 */
@ApplicationScoped
public class Sql {

    private final Pool pool;
    private final Counter counter;

    public Sql(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.counter = Counter.builder("parley.sql.statements")
                .description("SQL statements sent by the event repositories").register(registry);
    }

    public Uni<RowSet<Row>> query(SqlClient client, String sql, Tuple args) {
        counter.increment();
        StatementCountFilter.countStatement();
        return client.preparedQuery(sql).execute(args);
    }

    public Uni<RowSet<Row>> query(String sql, Tuple args) {
        return query(pool, sql, args);
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }
}
