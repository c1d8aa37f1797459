package org.parley.events.stream;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Reads an SSE stream on a background thread and keeps every line and every complete frame
 * (id, event name, data, comment); close() hangs up.
 */
final class SseTestClient implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    /** One SSE frame; fields absent from it are null. */
    record Frame(String id, String event, String data, String comment) {
        long seq() {
            return Long.parseLong(id);
        }
    }

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<InputStream>> response;

    SseTestClient(URL stream) {
        this(stream, null);
    }

    /** Resumes after {@code lastEventId} (sent as the Last-Event-ID header) when it is not null. */
    SseTestClient(URL stream, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.thenAcceptAsync(r -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                String[] frame = new String[4];
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (line.isEmpty()) {
                        frames.add(new Frame(frame[0], frame[1], frame[2], frame[3]));
                        frame = new String[4];
                    } else if (line.startsWith("id:")) {
                        frame[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        frame[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        frame[2] = line.substring(5).trim();
                    } else if (line.startsWith(":")) {
                        frame[3] = line.substring(1).trim();
                    }
                }
            } catch (Exception ignored) {
                // closed by the test
            }
        });
    }

    /** The change frames (those with data) received so far, in arrival order. */
    List<Frame> changes() {
        List<Frame> out = new ArrayList<>();
        for (Frame f : frames) {
            if (f.data() != null && !"reset".equals(f.event())) {
                out.add(f);
            }
        }
        return out;
    }

    /** Polls until a frame matches; fails the test at the deadline. */
    Frame awaitFrame(String what, Predicate<Frame> matches) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            for (Frame f : frames) {
                if (matches.test(f)) {
                    return f;
                }
            }
            Thread.sleep(20); // polling interval of the deadline loop, not a readiness guess
        }
        throw new AssertionError("no " + what + " within " + DEADLINE + "; got " + lines);
    }

    /** Polls until the condition on the frames holds; fails the test at the deadline. */
    void await(String what, Predicate<List<Frame>> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (condition.test(frames)) {
                return;
            }
            Thread.sleep(20); // polling interval of the deadline loop, not a readiness guess
        }
        throw new AssertionError("not " + what + " within " + DEADLINE + "; got " + lines);
    }

    /** The first frame: every stream starts with a heartbeat (or a reset) carrying the position. */
    long position() throws InterruptedException {
        return awaitFrame("first frame", f -> f.id() != null).seq();
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
