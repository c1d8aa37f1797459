package org.parley.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.events.Fixtures.event;
import static org.parley.events.Fixtures.recordId;
import static org.parley.events.Fixtures.unique;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.parley.events.stream.SseTestClient.Frame;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The stream as a log: resume after Last-Event-ID, heartbeats, a lost LISTEN, purged positions. */
@QuarkusTest
class StreamResumeTest {

    @TestHTTPResource("/events/stream")
    URL stream;

    private final ChangeLogRetention retention;

    StreamResumeTest(ChangeLogRetention retention) {
        this.retention = retention;
    }

    private static Connection jdbc() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The position of the stream now: the id of a fresh client's first frame. */
    private long positionNow() throws Exception {
        try (SseTestClient probe = new SseTestClient(stream)) {
            return probe.position();
        }
    }

    private static List<String> titles(List<Frame> frames) {
        List<String> out = new ArrayList<>();
        for (Frame f : frames) {
            int at = f.data().indexOf("\"title\":\"");
            if (at >= 0) {
                out.add(f.data().substring(at + 9, f.data().indexOf('"', at + 9)));
            }
        }
        return out;
    }

    private static void assertStrictlyIncreasing(List<Frame> frames) {
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i).seq() > frames.get(i - 1).seq(), "seqs out of order or repeated: " + frames);
        }
    }

    @Test
    void resumesAfterLastEventIdWithExactlyTheMissedChanges() throws Exception {
        long before = positionNow();
        String prefix = unique("missed");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 17; i++) { // more than two replay pages of the test profile (7)
            written.add(prefix + " " + i);
            recordId(event(prefix + " " + i, "042", "2025-11-26"));
        }
        try (SseTestClient resumed = new SseTestClient(stream, Long.toString(before))) {
            resumed.await("all 17 missed changes", f -> titles(changesOf(f)).containsAll(written));
            Frame first = resumed.frames.get(0);
            assertEquals(Long.toString(before), first.id(), "the stream starts at the resume position: " + resumed.lines);
            List<Frame> changes = resumed.changes();
            assertEquals(written, titles(changes), "exactly the missed changes, once each, in commit order");
            assertEquals(before + 1, changes.get(0).seq(), "the first missed change follows the position directly");
            assertStrictlyIncreasing(changes);

            // and the same client then goes on live
            String live = unique("live after replay");
            recordId(event(live, "042", "2025-11-26"));
            resumed.awaitFrame("the live change", f -> f.data() != null && f.data().contains(live));
        }
    }

    @Test
    void resumesFromTheAfterQueryParameterToo() throws Exception {
        long before = positionNow();
        String title = unique("missed, asked by query");
        recordId(event(title, "042", "2025-11-26"));
        try (SseTestClient resumed = new SseTestClient(new URL(stream + "?after=" + before))) {
            Frame missed = resumed.awaitFrame("the missed change", f -> f.data() != null && f.data().contains(title));
            assertEquals("RECORDED", missed.event());
            assertEquals(before + 1, missed.seq());
        }
    }

    private static List<Frame> changesOf(List<Frame> frames) {
        return frames.stream().filter(f -> f.data() != null && !"reset".equals(f.event())).toList();
    }

    /**
     * Writers commit concurrently, so seqs are drawn in one order and could commit in another; a
     * live client and clients resuming from the start and from the middle must all see one gapless
     * sequence, each change once.
     */
    @Test
    void concurrentWritersNeverProduceAGapOrARepeatOnResume() throws Exception {
        long before = positionNow();
        String prefix = unique("concurrent");
        int writers = 6;
        int each = 12;
        Set<String> written = new HashSet<>();
        try (SseTestClient live = new SseTestClient(stream)) {
            live.position();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    for (int i = 0; i < each; i++) {
                        String title = prefix + " " + w + "-" + i;
                        written.add(title);
                    }
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            recordId(event(prefix + " " + writer + "-" + i, "042", "2025-11-26"));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            live.await("every concurrent change live", f -> new HashSet<>(titles(changesOf(f))).containsAll(written));
            List<Frame> seen = live.changes();
            assertStrictlyIncreasing(seen);
            assertEquals(written.size(), titles(seen).stream().filter(t -> t.startsWith(prefix)).count(),
                    "each change exactly once");

            try (SseTestClient fromStart = new SseTestClient(stream, Long.toString(before))) {
                fromStart.await("the whole replay", f -> changesOf(f).size() >= seen.size());
                assertEquals(seen.stream().map(Frame::id).toList(), fromStart.changes().stream().map(Frame::id).toList(),
                        "a resumed client sees the live client's sequence");
            }
            Frame middle = seen.get(seen.size() / 2);
            try (SseTestClient fromMiddle = new SseTestClient(stream, middle.id())) {
                List<Frame> rest = seen.subList(seen.size() / 2 + 1, seen.size());
                fromMiddle.await("the rest of the replay", f -> changesOf(f).size() >= rest.size());
                assertEquals(rest.stream().map(Frame::id).toList(), fromMiddle.changes().stream().map(Frame::id).toList());
            }
        }
    }

    /**
     * The race behind the advisory lock: a writer draws its seq, then a second writer draws a higher
     * one and wants to commit first. Were it allowed to, a reader would pass the first writer's seq
     * before it became visible and skip it for good.
     */
    @Test
    void aLaterSeqNeverBecomesVisibleBeforeAnEarlierOne() throws Exception {
        String early = recordId(event(unique("early writer"), "042", "2025-11-26"));
        String late = recordId(event(unique("late writer"), "042", "2025-11-26"));
        long before = positionNow();
        try (SseTestClient live = new SseTestClient(stream); Connection first = jdbc(); Connection second = jdbc()) {
            live.position();
            first.setAutoCommit(false);
            try (PreparedStatement log = first.prepareStatement("select record_event_changes('UPDATED', array[?::uuid])")) {
                log.setString(1, early);
                log.execute(); // seq drawn, not committed
            }
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<?> secondWrite = other.submit(() -> {
                    try (PreparedStatement log = second.prepareStatement("select record_event_changes('UPDATED', array[?::uuid])")) {
                        log.setString(1, late);
                        log.execute(); // autocommit: commits as soon as it may
                    }
                    return null;
                });
                awaitBlockedOnTheChangeLog();
                first.commit();
                secondWrite.get();
            } finally {
                other.shutdown();
            }
            live.await("both changes", f -> changesOf(f).stream().filter(x -> x.data().contains(late)).count() == 1);
            List<String> order = live.changes().stream().map(Frame::data)
                    .map(d -> d.contains(early) ? "early" : d.contains(late) ? "late" : "other").toList();
            assertEquals(List.of("early", "late"), order, "live: each once, in seq order");
            try (SseTestClient resumed = new SseTestClient(stream, Long.toString(before))) {
                resumed.await("both changes replayed", f -> changesOf(f).size() == 2);
                assertEquals(live.changes().stream().map(Frame::id).toList(), resumed.changes().stream().map(Frame::id).toList());
            }
        }
    }

    /** Polls until another backend waits for the change log's advisory lock. */
    private static void awaitBlockedOnTheChangeLog() throws Exception {
        awaitRow("the second writer to be held back by the first one's uncommitted seq", """
                select 1 from pg_stat_activity
                where datname = current_database() and wait_event = 'advisory' and query ilike '%record_event_changes%'
                """);
    }

    @Test
    void sendsHeartbeatsOnAQuietStream() throws Exception {
        try (SseTestClient client = new SseTestClient(stream)) {
            // the test profile's interval is 1 s: the connect heartbeat plus at least two periodic ones
            client.await("three heartbeats", f -> f.stream().filter(x -> "heartbeat".equals(x.comment())).count() >= 3);
            assertTrue(client.lines.contains(":heartbeat"), "a heartbeat is an SSE comment line: " + client.lines);
        }
    }

    @Test
    void aLostListenConnectionLosesNothing() throws Exception {
        try (SseTestClient client = new SseTestClient(stream); Connection db = jdbc()) {
            client.position();
            String prefix = unique("while deaf");
            List<String> written = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                awaitListenConnection();
                try (PreparedStatement kill = db.prepareStatement("""
                        select pg_terminate_backend(pid) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'LISTEN%'
                        """); ResultSet killed = kill.executeQuery()) {
                    assertTrue(killed.next(), "no LISTEN connection found to terminate");
                }
                // written at once, while the replica cannot hear the notification
                written.add(prefix + " " + round);
                recordId(event(prefix + " " + round, "042", "2025-11-26"));
            }
            client.await("every change written while the LISTEN was down",
                    f -> titles(changesOf(f)).containsAll(written));
            List<String> got = titles(client.changes()).stream().filter(t -> t.startsWith(prefix)).toList();
            assertEquals(written, got, "each once, in order");
            assertStrictlyIncreasing(client.changes());
        }
        // readiness comes back with the LISTEN connection
        long deadline = System.currentTimeMillis() + 20_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && (status = RestAssured.get("/q/health/ready").statusCode()) != 200) {
            Thread.sleep(50); // polling interval of the deadline loop
        }
        assertEquals(200, status, "ready again once LISTENing");
    }

    /** The replica re-LISTENs after a reconnect pause; the next round kills the new connection. */
    private static void awaitListenConnection() throws Exception {
        awaitRow("the replica to LISTEN again", """
                select 1 from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and query ilike 'LISTEN%'
                """);
    }

    /** Polls until the query finds a row; fails at the deadline. */
    private static void awaitRow(String what, String query) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        try (Connection probe = jdbc()) {
            while (System.currentTimeMillis() < deadline) {
                try (PreparedStatement statement = probe.prepareStatement(query); ResultSet found = statement.executeQuery()) {
                    if (found.next()) {
                        return;
                    }
                }
                Thread.sleep(20); // polling interval of the deadline loop
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    void sendsResetForAPurgedPosition() throws Exception {
        long before = positionNow();
        recordId(event(unique("soon purged"), "042", "2025-11-26"));
        recordId(event(unique("soon purged"), "042", "2025-11-26"));
        try (Connection db = jdbc(); PreparedStatement age = db.prepareStatement(
                "update event_change set committed_at = now() - interval '30 days' where seq <= ?")) {
            age.setLong(1, before + 1);
            age.executeUpdate();
        }
        assertTrue(retention.purge().await().indefinitely() >= 1, "nothing purged");
        try (SseTestClient client = new SseTestClient(stream, Long.toString(before))) {
            Frame first = client.awaitFrame("the first frame", f -> f.id() != null);
            assertEquals("reset", first.event(), "a purged position gets reset: " + client.lines);
            assertTrue(first.data().contains("no longer retained"), first.data());

            // then it goes on live from the head
            String live = unique("after reset");
            recordId(event(live, "042", "2025-11-26"));
            Frame next = client.awaitFrame("the live change", f -> f.data() != null && f.data().contains(live));
            assertTrue(next.seq() > first.seq());
        }
        // still retained: no reset
        try (SseTestClient client = new SseTestClient(stream, Long.toString(before + 1))) {
            assertEquals(null, client.awaitFrame("the first frame", f -> f.id() != null).event());
        }
    }

    @Test
    void sendsResetForAnUnknownPosition() throws Exception {
        for (String unknown : List.of("999999999999", "not-a-seq", "-5")) {
            try (SseTestClient client = new SseTestClient(stream, unknown)) {
                Frame first = client.awaitFrame("the first frame", f -> f.id() != null);
                assertEquals("reset", first.event(), unknown + ": " + client.lines);
            }
        }
    }
}
