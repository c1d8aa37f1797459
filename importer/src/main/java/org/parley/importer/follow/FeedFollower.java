package org.parley.importer.follow;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.ws.rs.WebApplicationException;

import org.parley.importer.ImportFailure;
import org.parley.importer.ImportModel;
import org.parley.importer.Services;

/**
 * {@code parley import --follow}: GDELT 2.0 publishes one export file every 15 minutes and names the
 * latest in {@code lastupdate.txt} ({@code <size> <md5> <url>} per line). Each round reads it, downloads
 * every export file after the last one done (the latest checked against the size and MD5 given there,
 * each one checked as a zip), imports them in order and records each in events-service
 * ({@code PUT /imports/{feed}}, compare-and-set on a version), so a restart or a second replica neither
 * skips nor repeats a file. A file that fails (download, size, MD5, corrupt zip, a service down) is
 * reported and tried again next round; nothing after it is recorded before it.
 */
public final class FeedFollower {

    public static final String GDELT_V2 = "http://data.gdeltproject.org/gdeltv2/";
    /** The export files' names: their 15-minute slot, then {@code .export.CSV.zip}. */
    static final Pattern EXPORT = Pattern.compile("(\\d{14})\\.export\\.CSV\\.zip");
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Duration STEP = Duration.ofMinutes(15);
    /** A follower down for longer catches up on one day per round, oldest first. */
    static final int MAX_FILES_PER_ROUND = 96;

    /** One line of lastupdate.txt. */
    public record Published(long size, String md5, URI url, String name) {
    }

    private final URI base;
    private final String feed;
    private final Services services;
    private final ToIntFunction<List<Path>> importer;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** {@code importer}: imports the files given, answering 0 when every row is accounted for. */
    public FeedFollower(URI base, String feed, Services services, ToIntFunction<List<Path>> importer,
            PrintStream out) {
        this.base = base;
        this.feed = feed;
        this.services = services;
        this.importer = importer;
        this.out = out;
    }

    /** Rounds every {@code interval} until stopped, or one round ({@code once}: its status is the exit status). */
    public int run(boolean once, Duration interval) {
        while (true) {
            int status = round();
            if (once) {
                return status;
            }
            try {
                Thread.sleep(interval.toMillis()); // the feed's own pace; nothing to poll for in between
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    /** One round: 0 when the feed is done up to its latest file, 1 when something is left for the next round. */
    public int round() {
        try {
            Published latest = latestExport();
            ImportModel.FeedProgress done = services.feedProgress(feed).await().indefinitely();
            String last = done == null ? null : done.lastFile();
            if (last != null && last.compareTo(latest.name()) >= 0) {
                say("up to date: " + latest.name() + " was imported before");
                return 0;
            }
            Long version = done == null ? null : done.version();
            for (String name : due(last, latest.name())) {
                Published file = name.equals(latest.name()) ? latest
                        : new Published(-1, null, base.resolve(name), name);
                Optional<Path> zip = download(file);
                if (zip.isEmpty()) {
                    continue; // GDELT has gaps: a slot without a file
                }
                try {
                    int status = importer.applyAsInt(List.of(zip.get()));
                    if (status != 0) {
                        say(name + ": the import stopped; trying again next round");
                        return 1;
                    }
                } finally {
                    deleteQuietly(zip.get());
                }
                try {
                    version = services.saveFeedProgress(feed, name, version).await().indefinitely().version();
                } catch (WebApplicationException e) {
                    if (e.getResponse().getStatus() == 409) {
                        say(name + ": another importer recorded progress first; going on from its next round");
                        return 0;
                    }
                    throw e;
                }
                say(name + ": done");
            }
            return 0;
        } catch (FeedProblem e) {
            say(e.getMessage() + "; trying again next round");
            return 1;
        } catch (RuntimeException e) {
            say(ImportFailure.backend(Services.EVENTS, e).getMessage() + "; trying again next round");
            return 1;
        }
    }

    /** The export file named in lastupdate.txt. */
    Published latestExport() {
        URI url = base.resolve("lastupdate.txt");
        String text = new String(get(url), StandardCharsets.UTF_8);
        return parseLastUpdate(text).orElseThrow(() -> new FeedProblem(url + " names no .export.CSV.zip file"));
    }

    static Optional<Published> parseLastUpdate(String text) {
        for (String line : text.lines().toList()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3) {
                URI url = URI.create(parts[2]);
                String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
                if (EXPORT.matcher(name).matches()) {
                    try {
                        return Optional.of(new Published(Long.parseLong(parts[0]), parts[1].toLowerCase(), url, name));
                    } catch (NumberFormatException notASize) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The files to import after {@code last} up to {@code latest}, oldest first: every 15-minute slot in
     * between (lastupdate.txt names only the latest), at most a day of them per round.
     */
    static List<String> due(String last, String latest) {
        if (last == null) {
            return List.of(latest); // a new follower starts with the feed as it is now
        }
        Matcher from = EXPORT.matcher(last);
        Matcher to = EXPORT.matcher(latest);
        if (!from.matches() || !to.matches()) {
            return List.of(latest);
        }
        List<String> names = new ArrayList<>();
        try {
            LocalDateTime slot = LocalDateTime.parse(from.group(1), SLOT).plus(STEP);
            LocalDateTime end = LocalDateTime.parse(to.group(1), SLOT);
            while (slot.isBefore(end) && names.size() < MAX_FILES_PER_ROUND) {
                names.add(SLOT.format(slot) + ".export.CSV.zip");
                slot = slot.plus(STEP);
            }
        } catch (DateTimeParseException notASlot) {
            names.clear();
        }
        if (names.size() < MAX_FILES_PER_ROUND) {
            names.add(latest);
        }
        return names;
    }

    /** The file, checked; empty when the feed has no file for that slot (404). */
    private Optional<Path> download(Published file) {
        byte[] bytes;
        try {
            bytes = get(file.url());
        } catch (NotPublished e) {
            say(file.name() + ": not published (" + file.url() + "), skipped");
            return Optional.empty();
        }
        if (file.size() >= 0 && bytes.length != file.size()) {
            throw new FeedProblem(file.name() + ": size " + bytes.length + " bytes, lastupdate.txt says " + file.size());
        }
        if (file.md5() != null) {
            String md5 = md5(bytes);
            if (!md5.equals(file.md5())) {
                throw new FeedProblem(file.name() + ": MD5 " + md5 + ", lastupdate.txt says " + file.md5());
            }
        }
        checkZip(file.name(), bytes);
        try {
            Path dir = Files.createTempDirectory("parley-follow");
            return Optional.of(Files.write(dir.resolve(file.name()), bytes));
        } catch (IOException e) {
            throw new FeedProblem(file.name() + ": cannot write it to a temporary file: " + e.getMessage());
        }
    }

    /** Reads every entry to its end, so the zip's own CRCs are checked before anything is imported. */
    static void checkZip(String name, byte[] bytes) {
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                zip.transferTo(java.io.OutputStream.nullOutputStream());
                entries++;
            }
        } catch (IOException e) {
            throw new FeedProblem(name + ": corrupt zip (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw new FeedProblem(name + ": corrupt zip (no entries)");
        }
    }

    private byte[] get(URI url) {
        try {
            HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() == 404) {
                    throw new NotPublished();
                }
                if (answer.statusCode() != 200) {
                    throw new FeedProblem(url + " answered " + answer.statusCode());
                }
                return body.readAllBytes();
            }
        } catch (IOException e) {
            throw new FeedProblem("cannot read " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedProblem("interrupted");
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try (Stream<Path> all = Files.walk(file.getParent())) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    private void say(String message) {
        out.println("parley import --follow " + feed + ": " + message);
    }

    /** What keeps a round from finishing; the next round tries again. */
    static final class FeedProblem extends RuntimeException {
        FeedProblem(String message) {
            super(message, null, false, false);
        }
    }

    private static final class NotPublished extends RuntimeException {
        NotPublished() {
            super(null, null, false, false);
        }
    }
}
