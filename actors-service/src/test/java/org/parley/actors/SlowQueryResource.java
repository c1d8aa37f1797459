package org.parley.actors;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint (src/test): a query as slow as asked, through the application's own pool and
 * session, so StatementTimeoutTest can watch statement_timeout cancel it.
 */
@Path("/test-only/slow-query")
public class SlowQueryResource {

    @GET
    @Operation(hidden = true) // not part of the service's contract (OperationsTest, /q/openapi)
    @WithSession
    public Uni<String> slowQuery(@QueryParam("seconds") double seconds) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(pg_sleep(?1) as text)", String.class)
                .setParameter(1, seconds).getSingleResult());
    }
}
