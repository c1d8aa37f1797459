package org.parley.common.idempotency.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a service that loses every answer: it forwards the request, waits for the
 * first byte of the response (the service writes it only after its transaction has committed) and
 * then cuts the client's connection without passing anything on. The client sees a dropped
 * connection, exactly as when a timeout or a network fault hits during or after COMMIT.
 */
public final class AnswerDroppingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger dropped = new AtomicInteger();

    public AnswerDroppingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "answer-dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread connection = new Thread(() -> dropAnswer(client), "answer-dropping-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void dropAnswer(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread pump = new Thread(() -> copy(client, upstream), "answer-dropping-proxy-request");
            pump.setDaemon(true);
            pump.start();
            InputStream answer = upstream.getInputStream();
            if (answer.read() >= 0) {
                dropped.incrementAndGet();
            }
            client.setSoLinger(true, 0); // reset: the client gets no byte of the answer
        } catch (IOException e) {
            // the client or the service went away: nothing to forward either way
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // connection cut by dropAnswer
        }
    }

    /**
     * POSTs JSON through the proxy with an Idempotency-Key and checks that the service answered but
     * the client got nothing.
     */
    public void postAndLoseTheAnswer(String path, String idempotencyKey, String json) throws InterruptedException {
        // HTTP/1.1: an h2c upgrade would be answered (101) before the write even started
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .header("Authorization", org.parley.common.security.testing.TestTokens.bearer("editor", "importer"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        int before = dropped.get();
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the answer got through: " + answer.statusCode());
        } catch (IOException expected) {
            if (dropped.get() == before) {
                throw new AssertionError("the service never answered", expected);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
