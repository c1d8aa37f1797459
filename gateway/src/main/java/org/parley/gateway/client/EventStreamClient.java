package org.parley.gateway.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.parley.gateway.config.GatewayConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The one upstream connection to events-service's {@code GET /events/stream} (server-sent events) that
 * every GraphQL subscription of this gateway shares.
 *
 * <p>
 * Lifecycle (by design): the connection opens with the first subscriber and closes when the last one
 * leaves, so an idle gateway holds no connection to events-service; the next subscriber opens a new
 * one, from "now". While subscribers exist the client remembers the last position (SSE id = the
 * change log's seq) it received, and after any disconnect, error or stall it reconnects with
 * exponential backoff (parley.gateway.stream.initial-backoff … max-backoff) sending
 * {@code Last-Event-ID}: events-service replays what was committed meanwhile, so subscribers see
 * every change exactly once (a change at or below the remembered position is dropped should it come
 * twice). No byte for parley.gateway.stream.idle-timeout (events-service sends a heartbeat every
 * 15 s) counts as a stalled connection. When events-service cannot replay (position purged or
 * unknown) it sends {@code reset}, passed on as {@link EventsModel.StreamChange#RESET}.
 */
@ApplicationScoped
public class EventStreamClient {

    private static final Logger LOG = Logger.getLogger(EventStreamClient.class);

    private final Vertx vertx;
    private final HttpClient http;
    private final URI url;
    private final ObjectMapper json;
    private final Duration idleTimeout;
    private final Multi<EventsModel.StreamChange> shared;
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicBoolean connected = new AtomicBoolean();
    /** The SSE id of the last message received (null: none yet, or no subscriber since). */
    private final AtomicReference<String> position = new AtomicReference<>();
    private final AtomicLong resets = new AtomicLong();

    public EventStreamClient(Vertx vertx, GatewayConfig config, ObjectMapper json, MeterRegistry registry) {
        this.vertx = vertx;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setKeepAlive(false));
        this.url = URI.create(config.stream().url().orElse("http://localhost:8082/events/stream"));
        this.json = json;
        this.idleTimeout = config.stream().idleTimeout();
        this.shared = Multi.createFrom().<EventsModel.StreamChange> emitter(this::connect)
                // The stream never ends by itself: an end means events-service went away. Reconnect.
                .onCompletion().failWith(() -> new IOException("events-service closed the stream"))
                .onFailure().invoke(e -> {
                    connected.set(false);
                    LOG.warnf("Event stream from %s lost (%s); resuming after %s", url, e.getMessage(), position.get());
                })
                .onFailure().retry().withBackOff(config.stream().initialBackoff(), config.stream().maxBackoff())
                .indefinitely()
                // the last subscriber left: the next one starts from now, not from where this one stopped
                .onCancellation().invoke(() -> {
                    connected.set(false);
                    position.set(null);
                })
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAtLeast(1);
        Gauge.builder("parley.gateway.stream.connected", connected, c -> c.get() ? 1 : 0)
                .description("1 while the upstream event stream is connected").register(registry);
        Gauge.builder("parley.gateway.stream.connects", connects, AtomicInteger::get)
                .description("upstream event stream connections opened").register(registry);
        Gauge.builder("parley.gateway.stream.resets", resets, AtomicLong::get)
                .description("resets received: events-service could not replay a gap").register(registry);
    }

    /** Every change events-service publishes (RECORDED, UPDATED, DELETED, RESET), from the shared connection. */
    public Multi<EventsModel.StreamChange> changes() {
        return shared;
    }

    /** How many times the upstream connection was (re)opened; for logs and tests. */
    public int connects() {
        return connects.get();
    }

    private void connect(MultiEmitter<? super EventsModel.StreamChange> emitter) {
        AtomicReference<HttpConnection> connection = new AtomicReference<>();
        AtomicBoolean over = new AtomicBoolean();
        AtomicLong idleTimer = new AtomicLong(-1);
        Runnable hangUp = () -> {
            vertx.cancelTimer(idleTimer.get());
            HttpConnection open = connection.get();
            if (open != null) {
                open.close();
            }
        };
        Consumer<Throwable> lost = failure -> {
            if (over.compareAndSet(false, true)) {
                hangUp.run();
                emitter.fail(failure);
            }
        };
        Runnable touched = () -> {
            vertx.cancelTimer(idleTimer.get());
            if (!over.get()) {
                idleTimer.set(vertx.setTimer(idleTimeout.toMillis(), id -> lost.accept(
                        new IOException("no data or heartbeat for " + idleTimeout + ": stalled"))));
            }
        };
        emitter.onTermination(() -> {
            // the last subscriber left (or the attempt failed): release the upstream connection
            over.set(true);
            hangUp.run();
        });
        connects.incrementAndGet();
        RequestOptions request = new RequestOptions().setAbsoluteURI(url.toString()).setMethod(HttpMethod.GET)
                .putHeader("Accept", "text/event-stream");
        String resumeAfter = position.get();
        if (resumeAfter != null) {
            request.putHeader("Last-Event-ID", resumeAfter);
        }
        touched.run(); // a server that accepts and then says nothing is stalled too
        http.request(request).compose(req -> {
            connection.set(req.connection());
            if (over.get()) {
                req.connection().close();
            }
            return req.send();
        }).onComplete(result -> {
            if (result.failed()) {
                lost.accept(result.cause());
                return;
            }
            var response = result.result();
            if (response.statusCode() != 200) {
                lost.accept(new IOException("events-service answered " + response.statusCode()));
                return;
            }
            connected.set(true);
            LOG.infof("Event stream connected to %s%s", url, resumeAfter == null ? "" : ", resuming after " + resumeAfter);
            SseParser parser = new SseParser(frame -> receive(frame, emitter));
            response.handler(chunk -> {
                touched.run();
                parser.feed(chunk);
            });
            response.exceptionHandler(lost::accept);
            response.endHandler(v -> {
                if (over.compareAndSet(false, true)) {
                    vertx.cancelTimer(idleTimer.get());
                    emitter.complete();
                }
            });
        });
    }

    /** Passes a change on once; every frame with an id (heartbeats too) moves the position. */
    private void receive(SseParser.Frame frame, MultiEmitter<? super EventsModel.StreamChange> emitter) {
        if ("reset".equals(frame.event())) {
            resets.incrementAndGet();
            LOG.warnf("Event stream reset after %s: subscribers must refetch", position.get());
            emitter.emit(EventsModel.StreamChange.RESET);
        } else if (frame.data() != null && !alreadySeen(frame.id())) {
            try {
                emitter.emit(json.readValue(frame.data(), EventsModel.StreamChange.class));
            } catch (IOException | RuntimeException unreadable) {
                LOG.warnf("Skipping an unreadable stream message: %s", unreadable.getMessage());
            }
        }
        if (frame.id() != null) {
            position.set(frame.id());
        }
    }

    private boolean alreadySeen(String id) {
        String last = position.get();
        try {
            return id != null && last != null && Long.parseLong(id) <= Long.parseLong(last);
        } catch (NumberFormatException notASeq) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Server-sent events framing: "id:", "event:" and "data:" lines up to a blank line make one frame. */
    static final class SseParser {

        /** One frame; absent fields are null (a heartbeat comment has only an id). */
        record Frame(String id, String event, String data) {
        }

        private final Consumer<Frame> onFrame;
        private Buffer pending = Buffer.buffer();
        private final StringBuilder data = new StringBuilder();
        private boolean hasData;
        private String id;
        private String event;

        SseParser(Consumer<Frame> onFrame) {
            this.onFrame = onFrame;
        }

        void feed(Buffer chunk) {
            pending.appendBuffer(chunk);
            int start = 0;
            for (int i = 0; i < pending.length(); i++) {
                if (pending.getByte(i) == '\n') {
                    // '\n' never occurs inside a UTF-8 multi-byte sequence, so decoding per line is safe.
                    line(pending.getString(start, i, StandardCharsets.UTF_8.name()));
                    start = i + 1;
                }
            }
            pending = pending.getBuffer(start, pending.length());
        }

        private void line(String raw) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty()) {
                if (hasData || id != null || event != null) {
                    onFrame.accept(new Frame(id, event, hasData ? data.toString() : null));
                }
                data.setLength(0);
                hasData = false;
                id = null;
                event = null;
            } else if (line.startsWith("data:")) {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value(line, 5));
                hasData = true;
            } else if (line.startsWith("id:")) {
                id = value(line, 3);
            } else if (line.startsWith("event:")) {
                event = value(line, 6);
            }
            // "retry:" and ":" comments carry nothing the gateway needs; a comment's frame still has its id
        }

        private static String value(String line, int from) {
            return line.length() > from && line.charAt(from) == ' ' ? line.substring(from + 1) : line.substring(from);
        }
    }
}
