package org.parley.events.stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventStreamTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TestHTTPResource("/events/stream")
    URL stream;

    /** Reads the SSE stream on a background thread and keeps every line; close() hangs up. */
    private static final class SseClient implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>> response;

        SseClient(URL stream) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                    .header("Accept", "text/event-stream").build();
            response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            response.thenAcceptAsync(r -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
        }

        @Override
        public void close() throws Exception {
            if (response.isDone() && !response.isCompletedExceptionally()) {
                response.get().body().close();
            } else {
                response.cancel(true);
            }
        }
    }

    /**
     * Repeats {@code write} until a line matching {@code seen} arrives: the first writes may come
     * before the client's subscription is in place. Fails at the deadline.
     */
    private static boolean awaitLine(List<String> lines, Predicate<String> seen, Runnable write) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        Instant nextWrite = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            if (lines.stream().anyMatch(seen)) {
                return true;
            }
            if (!Instant.now().isBefore(nextWrite)) {
                write.run();
                nextWrite = Instant.now().plusSeconds(2);
            }
            Thread.sleep(50); // polling interval of the deadline loop, not a readiness guess
        }
        return false;
    }

    @Test
    void deliversAnEventRecordedThroughTheApi() throws Exception {
        try (SseClient client = new SseClient(stream)) {
            List<String> lines = client.lines;
            String title = unique("streamed");
            boolean delivered = awaitLine(lines, l -> l.startsWith("data:") && l.contains(title) && l.contains("RECORDED"),
                    () -> recordId(event(title, "042", "2025-11-26")));
            assertTrue(delivered, "no RECORDED event for " + title + " within " + DEADLINE + "; got " + lines);
            assertTrue(lines.contains("event:RECORDED") || lines.contains("event: RECORDED"), "SSE event name is the change: " + lines);
        }
    }

    @Test
    void deliversAChangeCommittedByAnotherConnection() throws Exception {
        String id = recordId(event(unique("changed elsewhere"), "042", "2025-11-26"));
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
        String newTitle = unique("renamed by JDBC");
        try (SseClient client = new SseClient(stream);
                Connection jdbc = DriverManager.getConnection(url, user, password)) {
            List<String> lines = client.lines;
            boolean delivered = awaitLine(lines, l -> l.contains(newTitle) && l.contains("UPDATED"), () -> {
                // what another replica's write looks like: the row change and its NOTIFY in one transaction
                try {
                    jdbc.setAutoCommit(false);
                    try (PreparedStatement update = jdbc.prepareStatement(
                            "update event set title = ?, version = version + 1 where id = ?")) {
                        update.setString(1, newTitle);
                        update.setObject(2, UUID.fromString(id));
                        update.executeUpdate();
                    }
                    try (PreparedStatement notify = jdbc.prepareStatement("select pg_notify('parley_events', ?)")) {
                        notify.setString(1, "{\"change\":\"UPDATED\",\"id\":\"" + id + "\"}");
                        notify.execute();
                    }
                    jdbc.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(delivered, "the JDBC-committed change did not reach the SSE client: " + lines);
        }
    }

    @Test
    void publishesNothingForARolledBackWrite() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
        UUID ghost = UUID.randomUUID();
        String marker = unique("after rollback");
        try (SseClient client = new SseClient(stream);
                Connection jdbc = DriverManager.getConnection(url, user, password)) {
            List<String> lines = client.lines;
            // a committed marker proves the client is connected; the rolled-back notify comes first
            boolean delivered = awaitLine(lines, l -> l.contains(marker), () -> {
                try {
                    jdbc.setAutoCommit(false);
                    try (PreparedStatement notify = jdbc.prepareStatement("select pg_notify('parley_events', ?)")) {
                        notify.setString(1, "{\"change\":\"DELETED\",\"id\":\"" + ghost + "\"}");
                        notify.execute();
                    }
                    jdbc.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                recordId(event(marker, "042", "2025-11-26"));
            });
            assertTrue(delivered, "marker not delivered: " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.contains(ghost.toString())), "a rolled-back change was published");
        }
    }

    @Test
    void streamsDeletions() throws Exception {
        try (SseClient client = new SseClient(stream)) {
            List<String> lines = client.lines;
            String[] last = new String[1];
            boolean delivered = awaitLine(lines, l -> last[0] != null && l.contains(last[0]) && l.contains("DELETED"), () -> {
                last[0] = recordId(event(unique("short-lived"), "042", "2025-11-26"));
                given().delete("/events/" + last[0]).then().statusCode(204);
            });
            assertTrue(delivered, "no DELETED change: " + lines);
        }
    }

    @Test
    void keepsStreamingAfterTheListenConnectionIsLost() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
        try (Connection jdbc = DriverManager.getConnection(url, user, password);
                PreparedStatement kill = jdbc.prepareStatement("""
                        select pg_terminate_backend(pid) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid() and query like 'LISTEN%'
                        """)) {
            try (var rows = kill.executeQuery()) {
                int killed = 0;
                while (rows.next()) {
                    killed++;
                }
                assertTrue(killed >= 1, "no LISTEN connection found to terminate");
            }
        }
        try (SseClient client = new SseClient(stream)) {
            String title = unique("after reconnect");
            boolean delivered = awaitLine(client.lines, l -> l.contains(title),
                    () -> recordId(event(title, "042", "2025-11-26")));
            assertTrue(delivered, "no change delivered after the LISTEN connection was lost: " + client.lines);
        }
    }
}
