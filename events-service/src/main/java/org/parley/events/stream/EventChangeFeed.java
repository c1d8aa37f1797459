package org.parley.events.stream;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.events.event.repository.EventRepository;
import org.parley.events.event.repository.EventRepository.ChangeLogBounds;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One SSE client's stream: every change after its resume position exactly once and in seq order,
 * first from the log, then live from {@link EventChangeListener}, with heartbeats in between.
 *
 * <p>
 * The client subscribes to the live broadcast before it reads the log, so nothing falls between
 * the two; a live change already replayed is skipped (its seq is not above the client's), and a live
 * change whose predecessor the client has not seen (it joined mid-broadcast) first fills the gap
 * from the log. So the client's sequence is the log's sequence, without holes or repeats.
 */
@ApplicationScoped
public class EventChangeFeed {

    private final EventChangeListener listener;
    private final EventRepository events;
    private final StreamConfig config;

    public EventChangeFeed(EventChangeListener listener, EventRepository events, StreamConfig config) {
        this.listener = listener;
        this.events = events;
        this.config = config;
    }

    private sealed interface Signal {
    }

    private record Start() implements Signal {
    }

    private record Tick() implements Signal {
    }

    private record Live(EventChangeListener.Broadcast broadcast) implements Signal {
    }

    /**
     * @param resumeAfter the client's Last-Event-ID (null: from now on). A seq that is not retained
     *                    (purged, from another database, not a number) gets a {@code reset} first.
     */
    public Multi<StreamItem> follow(String resumeAfter) {
        return Multi.createFrom().deferred(() -> {
            AtomicLong last = new AtomicLong(-1);
            Multi<Signal> live = listener.changes().map(Live::new);
            Multi<Signal> ticks = Multi.createFrom().ticks().every(config.heartbeat())
                    .onOverflow().drop().map(t -> new Tick());
            // merge subscribes in this order: the live broadcast is in place before Start reads the log
            return Multi.createBy().merging().streams(live, Multi.createFrom().<Signal> item(new Start()), ticks)
                    .onItem().transformToMultiAndConcatenate(signal -> handle(signal, last, resumeAfter));
        });
    }

    private Multi<StreamItem> handle(Signal signal, AtomicLong last, String resumeAfter) {
        if (last.get() < 0) {
            // the first signal positions the client, whichever it is (a live change may beat Start)
            return position(resumeAfter, last).onItem().transformToMulti(start -> start)
                    .onCompletion().switchTo(() -> handle(signal, last, resumeAfter));
        }
        if (signal instanceof Live l) {
            long seq = l.broadcast().message().seq();
            if (seq <= last.get()) {
                return Multi.createFrom().empty();
            }
            Multi<StreamItem> missed = l.broadcast().previous() > last.get()
                    ? replay(last, l.broadcast().previous())
                    : Multi.createFrom().empty();
            return Multi.createBy().concatenating().streams(missed, Multi.createFrom().deferred(() -> {
                last.set(seq);
                return Multi.createFrom().<StreamItem> item(new StreamItem.Change(l.broadcast().message()));
            }));
        }
        if (signal instanceof Tick) {
            // a client that joined while this replica was still finding the log's head could be behind
            // what was broadcast without a later change to reveal it: the heartbeat catches it up
            long head = listener.head();
            Multi<StreamItem> behind = head > last.get() ? replay(last, head) : Multi.createFrom().empty();
            return Multi.createBy().concatenating().streams(behind,
                    Multi.createFrom().deferred(() -> Multi.createFrom().item(new StreamItem.Heartbeat(last.get()))));
        }
        return Multi.createFrom().empty(); // Start after positioning: nothing more to do
    }

    /** Sets the client's position; emits one stream: a reset or a heartbeat, then the replayed changes. */
    private Uni<Multi<StreamItem>> position(String resumeAfter, AtomicLong last) {
        return events.findChangeLogBounds().map((ChangeLogBounds bounds) -> {
            if (resumeAfter == null || resumeAfter.isBlank()) {
                last.set(bounds.head());
                return Multi.createFrom().item(new StreamItem.Heartbeat(bounds.head()));
            }
            long after;
            try {
                after = Long.parseLong(resumeAfter.trim());
            } catch (NumberFormatException e) {
                after = -1;
            }
            if (after < bounds.purgedThrough() || after > bounds.head()) {
                last.set(bounds.head());
                String reason = after < 0 ? "not a position of this stream"
                        : after > bounds.head() ? "unknown position (ahead of the change log)"
                        : "changes after this position are no longer retained";
                return Multi.createFrom().item(new StreamItem.Reset(bounds.head(), reason));
            }
            last.set(after);
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(new StreamItem.Heartbeat(after)), replay(last, bounds.head()));
        });
    }

    /** The logged changes after {@code last} up to {@code upTo}, page by page, advancing {@code last}. */
    private Multi<StreamItem> replay(AtomicLong last, long upTo) {
        return Multi.createFrom().deferred(() -> {
            AtomicLong page = new AtomicLong(last.get());
            return Multi.createBy().repeating()
                    .uni(() -> events.findChanges(page.get(), upTo, config.replayBatch())
                            .invoke(batch -> batch.forEach(change -> page.set(change.seq()))))
                    .whilst(batch -> batch.size() == config.replayBatch())
                    .onItem().<EventRepository.LoggedChange> disjoint()
                    .map(change -> {
                        last.set(change.seq());
                        return (StreamItem) new StreamItem.Change(StreamMessage.of(change));
                    });
        });
    }
}
