package org.parley.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A tiny server-sent-events endpoint standing in for events-service's GET /events/stream: tests
 * publish changes, drop connections and count how many are open. Injected with {@link Inject}.
 */
public class FakeEventStream implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private Vertx vertx;
    private HttpServer server;
    private final List<HttpServerResponse> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            if (!request.path().equals("/events/stream")) {
                request.response().setStatusCode(404).end();
                return;
            }
            HttpServerResponse response = request.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream");
            open.add(response);
            accepted.incrementAndGet();
            response.closeHandler(v -> open.remove(response));
            response.exceptionHandler(e -> open.remove(response));
            response.write(": connected\n\n");
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("parley.gateway.stream.url", "http://127.0.0.1:" + server.actualPort() + "/events/stream",
                "parley.gateway.stream.initial-backoff", "PT0.1S",
                "parley.gateway.stream.max-backoff", "PT0.5S");
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

    /** Sends one change to every open connection, as events-service does after a commit. */
    public void publish(String change, Map<String, Object> event) {
        String data = Fixtures.json(Map.of("change", change, "id", event.get("id"), "event", event));
        String frame = "event: " + change + "\nid: " + event.get("id") + "\ndata: " + data + "\n\n";
        for (HttpServerResponse response : open) {
            vertx.runOnContext(v -> response.write(frame));
        }
    }

    /** Closes every open stream, as a restarting events-service would. */
    public void dropAll() {
        for (HttpServerResponse response : open) {
            open.remove(response);
            vertx.runOnContext(v -> response.reset());
        }
    }

    public int openConnections() {
        return open.size();
    }

    public int acceptedConnections() {
        return accepted.get();
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
