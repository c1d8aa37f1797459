package org.parley.gateway.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.parley.gateway.config.GatewayConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

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
 * one. While subscribers exist, a dropped or failed stream is reopened with exponential backoff
 * (parley.gateway.stream.initial-backoff … max-backoff); changes published while disconnected are
 * missed, as with any live feed.
 */
@ApplicationScoped
public class EventStreamClient {

    private static final Logger LOG = Logger.getLogger(EventStreamClient.class);

    private final HttpClient http;
    private final URI url;
    private final ObjectMapper json;
    private final Multi<EventsModel.StreamChange> shared;
    private final AtomicInteger connects = new AtomicInteger();

    public EventStreamClient(Vertx vertx, GatewayConfig config, ObjectMapper json) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setKeepAlive(false));
        this.url = URI.create(config.stream().url().orElse("http://localhost:8082/events/stream"));
        this.json = json;
        this.shared = Multi.createFrom().<EventsModel.StreamChange> emitter(this::connect)
                // The stream never ends by itself: an end means events-service went away. Reconnect.
                .onCompletion().failWith(() -> new IOException("events-service closed the stream"))
                .onFailure().invoke(e -> LOG.warnf("Event stream from %s lost (%s); reconnecting", url, e.getMessage()))
                .onFailure().retry().withBackOff(config.stream().initialBackoff(), config.stream().maxBackoff())
                .indefinitely()
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAtLeast(1);
    }

    /** Every change events-service publishes (RECORDED, UPDATED, DELETED), from the shared connection. */
    public Multi<EventsModel.StreamChange> changes() {
        return shared;
    }

    /** How many times the upstream connection was (re)opened; for logs and tests. */
    public int connects() {
        return connects.get();
    }

    private void connect(MultiEmitter<? super EventsModel.StreamChange> emitter) {
        AtomicReference<HttpConnection> connection = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        emitter.onTermination(() -> {
            over.set(true);
            HttpConnection open = connection.get();
            if (open != null) {
                open.close(); // releases the upstream connection when the last subscriber has left
            }
        });
        connects.incrementAndGet();
        RequestOptions request = new RequestOptions().setAbsoluteURI(url.toString()).setMethod(HttpMethod.GET)
                .putHeader("Accept", "text/event-stream");
        http.request(request).compose(req -> {
            connection.set(req.connection());
            if (emitter.isCancelled()) {
                req.connection().close();
            }
            return req.send();
        }).onComplete(result -> {
            if (result.failed()) {
                if (!over.get()) {
                    emitter.fail(result.cause());
                }
                return;
            }
            var response = result.result();
            if (response.statusCode() != 200) {
                emitter.fail(new IOException("events-service answered " + response.statusCode()));
                return;
            }
            LOG.infof("Event stream connected to %s", url);
            SseParser parser = new SseParser(data -> {
                try {
                    emitter.emit(json.readValue(data, EventsModel.StreamChange.class));
                } catch (IOException | RuntimeException unreadable) {
                    LOG.warnf("Skipping an unreadable stream message: %s", unreadable.getMessage());
                }
            });
            response.handler(parser::feed);
            // Closing the connection ourselves (last subscriber gone) also lands here: then there is no one to tell.
            response.exceptionHandler(e -> {
                if (!over.get()) {
                    emitter.fail(e);
                }
            });
            response.endHandler(v -> {
                if (!over.get()) {
                    emitter.complete();
                }
            });
        });
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Server-sent events framing: "data:" lines up to a blank line make one message. */
    static final class SseParser {
        private final java.util.function.Consumer<String> onData;
        private Buffer pending = Buffer.buffer();
        private final StringBuilder data = new StringBuilder();

        SseParser(java.util.function.Consumer<String> onData) {
            this.onData = onData;
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
                if (data.length() > 0) {
                    onData.accept(data.toString());
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            }
            // "event:", "id:", "retry:" and ":" comments carry nothing the gateway needs (change is in data).
        }
    }
}
