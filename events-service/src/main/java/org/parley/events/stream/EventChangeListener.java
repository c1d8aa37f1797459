package org.parley.events.stream;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.events.event.EventChange;
import org.parley.events.event.repository.EventRepository;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * LISTENs on the change channel over its own PostgreSQL connection (every replica does, so each
 * sees every commit, whichever replica wrote it), reads the changed event once and broadcasts it
 * to all SSE clients of this replica. Notifications are resolved one after another, so clients get
 * changes in commit order. Each client subscribes through its own bounded buffer: a slow client
 * overflows and is disconnected; nobody else, and no writer, waits for it.
 */
@ApplicationScoped
public class EventChangeListener {

    private static final Logger LOG = Logger.getLogger(EventChangeListener.class);

    private final Vertx vertx;
    private final EventRepository events;
    private final StreamConfig config;
    private final PgConnectOptions options;
    private final UnicastProcessor<String> notifications = UnicastProcessor.create();
    private final BroadcastProcessor<StreamMessage> changes = BroadcastProcessor.create();
    private volatile PgSubscriber subscriber;

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
        notifications.onItem().transformToUniAndConcatenate(this::resolve)
                .subscribe().with(message -> message.ifPresent(changes::onNext),
                        failure -> LOG.error("event stream stopped", failure));
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> config.reconnectDelayMillis());
        subscriber.channel(EventRepository.CHANNEL).handler(notifications::onNext);
        connect();
    }

    void onStop(@Observes ShutdownEvent event) {
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

    /** True while the LISTEN connection is up (readiness). */
    public boolean isListening() {
        PgSubscriber current = subscriber;
        return current != null && current.actualConnection() != null;
    }

    /** Every change committed from now on, through a per-subscriber bounded buffer. */
    public Multi<StreamMessage> changes() {
        return changes.onOverflow().buffer(config.clientBuffer());
    }

    private Uni<Optional<StreamMessage>> resolve(String payload) {
        EventChange change;
        UUID id;
        try {
            JsonObject json = new JsonObject(payload);
            change = EventChange.valueOf(json.getString("change"));
            id = UUID.fromString(json.getString("id"));
        } catch (RuntimeException e) {
            LOG.warnf("ignoring malformed change notification %s", payload);
            return Uni.createFrom().item(Optional.empty());
        }
        if (change == EventChange.DELETED) {
            return Uni.createFrom().item(Optional.of(new StreamMessage(change, id, null)));
        }
        return events.findEventById(id)
                .map(e -> Optional.of(new StreamMessage(change, id, e)))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warn("cannot read changed event " + id, failure);
                    return Optional.of(new StreamMessage(change, id, null));
                });
    }
}
