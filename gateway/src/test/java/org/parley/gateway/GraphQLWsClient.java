package org.parley.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** A minimal graphql-transport-ws client (connection_init, subscribe, next/error/complete). */
public final class GraphQLWsClient implements AutoCloseable {

    private final Vertx vertx;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();

    private GraphQLWsClient(Vertx vertx, WebSocket socket) {
        this.vertx = vertx;
        this.socket = socket;
        socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
    }

    /** Connects to ws://host:port/graphql and completes the connection_init / connection_ack handshake. */
    public static GraphQLWsClient connect(URI graphqlHttpUrl) throws Exception {
        return connect(graphqlHttpUrl, new JsonObject());
    }

    /** Like {@link #connect(URI)}, with a connection_init payload (e.g. {"Authorization": "Bearer …"}). */
    public static GraphQLWsClient connect(URI graphqlHttpUrl, JsonObject initPayload) throws Exception {
        Vertx vertx = Vertx.vertx();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphqlHttpUrl.getHost())
                .setPort(graphqlHttpUrl.getPort()).setURI(graphqlHttpUrl.getPath())
                .setSubProtocols(List.of("graphql-transport-ws"));
        WebSocket socket = vertx.createWebSocketClient().connect(options).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        GraphQLWsClient client = new GraphQLWsClient(vertx, socket);
        socket.writeTextMessage(new JsonObject().put("type", "connection_init").put("payload", initPayload).encode());
        JsonObject ack = client.next(Duration.ofSeconds(10));
        if (!"connection_ack".equals(ack.getString("type"))) {
            throw new IllegalStateException("expected connection_ack, got " + ack);
        }
        return client;
    }

    /**
     * Sends connection_init with this payload and expects the server to close the socket instead of
     * acknowledging it; returns the close status code (graphql-transport-ws: 4403 for a refused token).
     */
    public static int closeCodeAfterInit(URI graphqlHttpUrl, JsonObject initPayload, Duration deadline) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphqlHttpUrl.getHost())
                    .setPort(graphqlHttpUrl.getPort()).setURI(graphqlHttpUrl.getPath())
                    .setSubProtocols(List.of("graphql-transport-ws"));
            WebSocket socket = vertx.createWebSocketClient().connect(options).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
            socket.textMessageHandler(text -> outcome.add(new JsonObject(text)));
            socket.closeHandler(v -> outcome.add(socket.closeStatusCode() == null ? -1 : (int) socket.closeStatusCode()));
            socket.writeTextMessage(new JsonObject().put("type", "connection_init").put("payload", initPayload).encode());
            Object first = outcome.poll(deadline.toNanos(), TimeUnit.NANOSECONDS);
            if (!(first instanceof Integer code)) {
                throw new AssertionError("expected the socket to close, got " + first);
            }
            return code;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        socket.writeTextMessage(new JsonObject().put("id", id).put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query).put("variables", new JsonObject(variables)))
                .encode());
    }

    /** The next message other than ping/pong, or an AssertionError after the deadline. */
    public JsonObject next(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            JsonObject message = messages.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + deadline);
            }
            String type = message.getString("type");
            if (!"ping".equals(type) && !"pong".equals(type)) {
                return message;
            }
        }
    }

    /** The code of the first error, whether the server sent it as a "next" with errors or as an "error". */
    public static String firstErrorCode(JsonObject message) {
        Object payload = message.getValue("payload");
        JsonObject error = payload instanceof JsonObject object
                ? object.getJsonArray("errors").getJsonObject(0)
                : ((io.vertx.core.json.JsonArray) payload).getJsonObject(0);
        return error.getJsonObject("extensions").getString("code");
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        socket.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
