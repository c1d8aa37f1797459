package org.parley.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes expired keys every {@code parley.idempotency.purge-interval}. Expired keys are never
 * replayed anyway ({@link IdempotentWrites} ignores them); this only keeps the table small. With
 * several replicas each purges: the DELETE is idempotent.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);
    static final String PURGE = "delete from idempotency_key where expires_at <= now()";

    private final Pool pool;
    private final Vertx vertx;
    private final IdempotencyConfig config;
    private long timer = -1;

    public IdempotencyPurge(Pool pool, Vertx vertx, IdempotencyConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.purgeInterval().toMillis(), id -> purgeExpired().subscribe().with(
                deleted -> LOG.debugf("purged %d expired idempotency keys", deleted),
                failure -> LOG.warn("purging expired idempotency keys failed; next try in "
                        + config.purgeInterval(), failure)));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** @return how many expired keys were deleted */
    public Uni<Integer> purgeExpired() {
        return pool.preparedQuery(PURGE).execute(Tuple.tuple()).map(rows -> rows.rowCount());
    }
}
