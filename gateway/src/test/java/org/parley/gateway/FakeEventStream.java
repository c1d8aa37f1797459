package org.parley.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A tiny server-sent-events endpoint standing in for events-service's GET /events/stream, with its
 * protocol: every published change gets the next seq (SSE id), a connection with Last-Event-ID: N
 * first gets every change after N (or {@code reset} when N is purged or unknown), a fresh one starts
 * with a heartbeat carrying the position, and heartbeats follow every 300 ms. Tests publish changes,
 * drop, stall or refuse connections and count them. Injected with {@link Inject}.
 */
public class FakeEventStream implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private Vertx vertx;
    private HttpServer server;
    private final List<HttpServerResponse> open = new CopyOnWriteArrayList<>();
    /** Connections that stay open but get nothing more: a half-open connection. */
    private final Set<HttpServerResponse> stalled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    /** The change log: frame i has seq i + 1. Guarded by {@code this}, as are writes to connections. */
    private final List<String> log = new ArrayList<>();
    private int purgedThrough;
    private volatile boolean refusing;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            if (!request.path().equals("/events/stream")) {
                request.response().setStatusCode(404).end();
                return;
            }
            if (refusing) {
                request.response().setStatusCode(503).end();
                return;
            }
            String lastEventId = request.getHeader("Last-Event-ID");
            lastEventIds.add(String.valueOf(lastEventId));
            HttpServerResponse response = request.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream");
            accepted.incrementAndGet();
            response.closeHandler(v -> open.remove(response));
            response.exceptionHandler(e -> open.remove(response));
            synchronized (this) {
                response.write(opening(lastEventId));
                open.add(response);
            }
        });
        vertx.setPeriodic(300, id -> heartbeat());
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("parley.gateway.stream.url", "http://127.0.0.1:" + server.actualPort() + "/events/stream",
                "parley.gateway.stream.initial-backoff", "PT0.1S",
                "parley.gateway.stream.max-backoff", "PT0.5S",
                "parley.gateway.stream.idle-timeout", "PT1.5S");
    }

    /** What a new connection gets first: the replay after Last-Event-ID, a reset, or a heartbeat. */
    private String opening(String lastEventId) {
        if (lastEventId == null) {
            return ": heartbeat\nid: " + log.size() + "\n\n";
        }
        long after;
        try {
            after = Long.parseLong(lastEventId);
        } catch (NumberFormatException e) {
            after = -1;
        }
        if (after < purgedThrough || after > log.size()) {
            return "event: reset\nid: " + log.size() + "\ndata: {\"seq\":" + log.size() + ",\"reason\":\"not retained\"}\n\n";
        }
        return String.join("", log.subList((int) after, log.size()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(Inject.class, FakeEventStream.class));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Logs one change and sends it to every open connection, as events-service does after a commit; its seq. */
    public synchronized long publish(String change, Map<String, Object> event) {
        long seq = log.size() + 1;
        String data = Fixtures.json(Map.of("seq", seq, "change", change, "id", event.get("id"), "event", event));
        String frame = "event: " + change + "\nid: " + seq + "\ndata: " + data + "\n\n";
        log.add(frame);
        for (HttpServerResponse response : open) {
            if (!stalled.contains(response)) {
                response.write(frame);
            }
        }
        return seq;
    }

    private synchronized void heartbeat() {
        for (HttpServerResponse response : open) {
            if (!stalled.contains(response)) {
                response.write(": heartbeat\nid: " + log.size() + "\n\n");
            }
        }
    }

    /** Closes every open stream, as a restarting events-service would. */
    public void dropAll() {
        for (HttpServerResponse response : open) {
            open.remove(response);
            response.reset();
        }
    }

    /** The open connections stay open but receive nothing more, not even heartbeats (a half-open connection). */
    public void stallAll() {
        stalled.addAll(open);
    }

    /** While true, new connections are answered 503 (events-service down). */
    public void refuseConnections(boolean refuse) {
        refusing = refuse;
    }

    /** Forgets every change logged so far: a client resuming from before now gets {@code reset}. */
    public synchronized void purgeAll() {
        purgedThrough = log.size();
    }

    public int openConnections() {
        return (int) open.stream().filter(r -> !stalled.contains(r)).count();
    }

    public int acceptedConnections() {
        return accepted.get();
    }

    /** The Last-Event-ID header of each accepted connection, in order ("null" when absent). */
    public List<String> lastEventIds() {
        return List.copyOf(lastEventIds);
    }

    /** Polls until the condition holds; fails after the deadline (no fixed sleeps). */
    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
