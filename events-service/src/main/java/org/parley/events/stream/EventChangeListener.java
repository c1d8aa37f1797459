package org.parley.events.stream;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.events.event.repository.EventRepository;
import org.parley.events.event.repository.EventRepository.LoggedChange;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * This replica's reader of the change log. It LISTENs on its own PostgreSQL connection (every replica
 * does, so each hears every commit, whichever replica wrote it), and on each wake-up reads the log
 * after the last seq it has read, once for all its SSE clients, and broadcasts those changes in seq
 * order. A notification carries nothing: the log is the truth, so a lost LISTEN connection loses
 * nothing — when the LISTEN is back (and at every heartbeat, in case a wake-up was ever missed) the
 * reader reads everything after its last seq.
 */
@ApplicationScoped
public class EventChangeListener {

    private static final Logger LOG = Logger.getLogger(EventChangeListener.class);

    /** A broadcast change and the seq broadcast before it: a client whose last seq is older missed some. */
    record Broadcast(long previous, StreamMessage message) {
    }

    private final Vertx vertx;
    private final EventRepository events;
    private final StreamConfig config;
    private final PgConnectOptions options;
    private final BroadcastProcessor<Broadcast> changes = BroadcastProcessor.create();
    /** The last seq read and broadcast; -1 until the log's head is known. */
    private final AtomicLong head = new AtomicLong(-1);
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean wokenWhileReading = new AtomicBoolean();
    private volatile PgSubscriber subscriber;
    private volatile long timer = -1;

    public EventChangeListener(Vertx vertx, EventRepository events, StreamConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.events = events;
        this.config = config;
        this.options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
    }

    void onStart(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> config.reconnectDelayMillis());
        // subscribeHandler runs after every (re)LISTEN: whatever was committed while deaf is read now
        subscriber.channel(EventRepository.CHANNEL).handler(payload -> wake()).subscribeHandler(this::wake);
        connect();
        timer = vertx.setPeriodic(config.heartbeat().toMillis(), id -> wake());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** The first connection is retried too (the reconnect policy only covers a lost connection). */
    private void connect() {
        subscriber.connect().subscribe().with(
                ok -> LOG.info("listening for event changes"),
                failure -> {
                    LOG.warnf("cannot LISTEN yet (%s); retrying", failure.getMessage());
                    vertx.setTimer(config.reconnectDelayMillis(), id -> connect());
                });
    }

    /** True while the LISTEN connection is up and the log's head is known (readiness). */
    public boolean isListening() {
        PgSubscriber current = subscriber;
        return current != null && current.actualConnection() != null && head.get() >= 0;
    }

    /** The last seq this replica has broadcast (-1 before it has read the log). */
    long head() {
        return head.get();
    }

    /** Every change broadcast from now on, through a per-subscriber bounded buffer (overflow fails it). */
    Multi<Broadcast> changes() {
        return changes.onOverflow().buffer(config.clientBuffer());
    }

    /** Reads are serialised: a wake-up during a read makes the reader read once more afterwards. */
    private void wake() {
        if (!reading.compareAndSet(false, true)) {
            wokenWhileReading.set(true);
            return;
        }
        wokenWhileReading.set(false);
        readToEnd().subscribe().with(done -> {
            reading.set(false);
            if (wokenWhileReading.get()) {
                wake();
            }
        }, failure -> {
            // the next notification, LISTEN reconnect or heartbeat tries again from the same seq
            LOG.warnf("cannot read the change log (%s)", failure.getMessage());
            reading.set(false);
        });
    }

    private Uni<Void> readToEnd() {
        if (head.get() < 0) {
            // a replica starts at the log's head: older changes are for clients that ask to resume
            return events.findChangeLogBounds().invoke(bounds -> head.set(bounds.head())).replaceWithVoid();
        }
        return events.findChanges(head.get(), Long.MAX_VALUE, config.replayBatch()).flatMap(batch -> {
            broadcast(batch);
            return batch.size() < config.replayBatch() ? Uni.createFrom().voidItem() : readToEnd();
        });
    }

    private void broadcast(List<LoggedChange> batch) {
        for (LoggedChange change : batch) {
            long previous = head.getAndSet(change.seq());
            changes.onNext(new Broadcast(previous, StreamMessage.of(change)));
        }
    }
}
