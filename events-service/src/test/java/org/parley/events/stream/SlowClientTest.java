package org.parley.events.stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.unique;
import static org.parley.events.Fixtures.with;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SlowClientTest {

    @TestHTTPResource("/events/stream")
    URL stream;

    /**
     * A client that connects and never reads must neither hold up writers nor the other clients:
     * its buffer overflows and the server hangs up on it, while a reading client gets everything.
     */
    @Test
    void disconnectsAClientThatDoesNotReadWithoutBlockingWritersOrOthers() throws Exception {
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            OutputStream out = slow.getOutputStream();
            out.write(("GET /events/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            List<String> fastLines = new CopyOnWriteArrayList<>();
            HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString())).build();
            CompletableFuture<HttpResponse<InputStream>> fast = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            fast.thenAcceptAsync(r -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        fastLines.add(line.length() > 200 ? line.substring(0, 200) : line);
                    }
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            fast.get(); // headers received: the fast client is subscribed

            // ~40 kB per change; far more than the socket buffers and the 16-change client buffer hold
            String big = "x".repeat(19_000);
            long started = System.nanoTime();
            String lastTitle = null;
            for (int i = 0; i < 250; i++) {
                lastTitle = unique("flood " + i);
                given().contentType(ContentType.JSON)
                        .body(with(event(lastTitle, "042", "2025-11-26"), "summary", big,
                                "sources", List.of(java.util.Map.of("url", "https://example.org/f", "excerpt", big))))
                        .post("/events").then().statusCode(201);
            }
            long writeMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(writeMillis < 60_000, "writers were held up: " + writeMillis + " ms");

            // the reading client still got the last change
            String last = lastTitle;
            long deadline = System.currentTimeMillis() + 20_000;
            while (fastLines.stream().noneMatch(l -> l.contains(last)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50); // polling interval of the deadline loop
            }
            assertTrue(fastLines.stream().anyMatch(l -> l.contains(last)), "the reading client missed the last change");
            fast.get().body().close();

            // the slow client's stream has been ended by the server: reading it reaches the end
            slow.setSoTimeout(10_000);
            InputStream in = slow.getInputStream();
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            boolean ended = false;
            try {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    tail.write(buffer, 0, Math.min(n, 64));
                    if (n >= 5 && new String(buffer, n - 5, 5, StandardCharsets.US_ASCII).equals("0\r\n\r\n")) {
                        ended = true; // last chunk of a chunked response
                        break;
                    }
                }
                ended = true;
            } catch (SocketTimeoutException e) {
                ended = false;
            } catch (java.io.IOException e) {
                ended = true; // reset by the server
            }
            assertTrue(ended, "the server kept streaming to a client that did not read");
        }
    }
}
