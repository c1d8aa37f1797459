package org.parley.events.stream;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.parley.events.event.repository.EventRepository;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Deletes logged changes older than {@code parley.stream.retention}, every purge interval. Every
 * replica runs it; the deletes are idempotent, so doing it twice costs one cheap statement.
 */
@ApplicationScoped
public class ChangeLogRetention {

    private static final Logger LOG = Logger.getLogger(ChangeLogRetention.class);

    private final Vertx vertx;
    private final EventRepository events;
    private final StreamConfig config;
    private volatile long timer = -1;

    public ChangeLogRetention(Vertx vertx, EventRepository events, StreamConfig config) {
        this.vertx = vertx;
        this.events = events;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.purgeInterval().toMillis(), id -> purge().subscribe().with(
                purged -> LOG.debugf("purged %d logged changes", purged),
                failure -> LOG.warnf("cannot purge the change log (%s)", failure.getMessage())));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes what is older than the retention; how many changes went. */
    public Uni<Integer> purge() {
        return events.purgeChangesBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()));
    }
}
