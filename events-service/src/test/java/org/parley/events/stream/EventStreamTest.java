package org.parley.events.stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
        try (SseTestClient client = new SseTestClient(stream)) {
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
        try (SseTestClient client = new SseTestClient(stream);
                Connection jdbc = DriverManager.getConnection(url, user, password)) {
            List<String> lines = client.lines;
            boolean delivered = awaitLine(lines, l -> l.contains(newTitle) && l.contains("UPDATED"), () -> {
                // what another writer looks like: the row change and its logged change in one transaction
                try {
                    jdbc.setAutoCommit(false);
                    try (PreparedStatement update = jdbc.prepareStatement(
                            "update event set title = ?, version = version + 1 where id = ?")) {
                        update.setString(1, newTitle);
                        update.setObject(2, UUID.fromString(id));
                        update.executeUpdate();
                    }
                    try (PreparedStatement log = jdbc.prepareStatement("select record_event_changes('UPDATED', array[?::uuid])")) {
                        log.setString(1, id);
                        log.execute();
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
        try (SseTestClient client = new SseTestClient(stream);
                Connection jdbc = DriverManager.getConnection(url, user, password)) {
            List<String> lines = client.lines;
            // a committed marker proves the client is connected; the rolled-back notify comes first
            boolean delivered = awaitLine(lines, l -> l.contains(marker), () -> {
                try {
                    jdbc.setAutoCommit(false);
                    try (PreparedStatement log = jdbc.prepareStatement("select record_event_changes('DELETED', array[?::uuid])")) {
                        log.setString(1, ghost.toString());
                        log.execute();
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
        try (SseTestClient client = new SseTestClient(stream)) {
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
        try (SseTestClient client = new SseTestClient(stream)) {
            String title = unique("after reconnect");
            boolean delivered = awaitLine(client.lines, l -> l.contains(title),
                    () -> recordId(event(title, "042", "2025-11-26")));
            assertTrue(delivered, "no change delivered after the LISTEN connection was lost: " + client.lines);
        }
    }
}
