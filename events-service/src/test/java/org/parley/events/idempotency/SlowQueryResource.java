package org.parley.events.idempotency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import org.parley.events.db.Sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Test-only endpoint (src/test): a query as slow as asked, through the application's own pool, so
 * StatementTimeoutTest can watch statement_timeout cancel it.
 */
@Path("/test-only/slow-query")
public class SlowQueryResource {

    private final Sql sql;

    public SlowQueryResource(Sql sql) {
        this.sql = sql;
    }

    @GET
    @Operation(hidden = true) // not part of the service's contract (OperationsTest, /q/openapi)
    public Uni<String> slowQuery(@QueryParam("seconds") double seconds) {
        return sql.query("select pg_sleep($1)::text", Tuple.of(seconds)).map(rows -> rows.iterator().next().getString(0));
    }
}
