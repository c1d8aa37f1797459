package org.parley.importer.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.importer.GdeltFormat;
import org.parley.importer.GdeltImporter;
import org.parley.importer.ImportFailure;
import org.parley.importer.ImporterConfig;
import org.parley.importer.ImportModel;
import org.parley.importer.Services;
import org.parley.importer.follow.FeedFollower;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/parley import}: GDELT event files, or GDELT's live feed ({@code --follow}), straight into
 * actors-service and events-service. Exit status: 0 every row accounted for (rejected rows included), 1
 * the import stopped (running it again is safe), 2 bad usage.
 */
@TopCommand
@Command(name = "parley import", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpWidth = 110,
        description = {
                "Imports GDELT event files (.CSV, .gz, .zip; a directory: its *.csv/*.gz/*.zip in name order) into"
                        + " actors-service and events-service, idempotently: safe to interrupt and run again.",
                "With --follow: GDELT 2.0's live feed, one export file every 15 minutes." })
public class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "GDELT files or directories")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|v2|v1-daily|v1-backfile",
            description = "the files' layout; auto: by column count (61: 2.0, 58: 1.0 daily, 57: 1.0 back file)")
    String format;

    @Option(names = "--actors-url",
            description = "actors-service (default $PARLEY_ACTORS_URL, else http://localhost:8081)")
    URI actorsUrl;

    @Option(names = "--events-url",
            description = "events-service (default $PARLEY_EVENTS_URL, else http://localhost:8082)")
    URI eventsUrl;

    @Option(names = "--token",
            description = "a bearer token with role importer, sent to both services (they refuse the bulk import"
                    + " without it; default $PARLEY_TOKEN; bin/parley import signs one for the local suite)")
    String token;

    @Option(names = "--report-dir", defaultValue = ".", description = "where the report and summary go (default .)")
    Path reportDir;

    @Option(names = "--chunk-lines", defaultValue = "1000", description = "lines per chunk, ≤ 1000 (default 1000)")
    int chunkLines;

    @Option(names = "--merge-stories", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "rows of one story (same day, actors in order, event code, place) become one event, across "
                    + "chunks, files and re-runs (events-service merges); --no-merge-stories: one event per row "
                    + "(default: merge; importer/README.md)")
    boolean mergeStories;

    @Option(names = "--parallel", defaultValue = "2", description = "chunks in flight, 1–8 (default 2)")
    int parallel;

    @Option(names = "--retries", defaultValue = "5",
            description = "attempts more for a chunk while a service is unavailable (default 5)")
    int retries;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|tty|plain|none",
            description = "the progress line (default auto: rewritten in place on a terminal)")
    String progress;

    @Option(names = "--follow", arity = "0..1", fallbackValue = FeedFollower.GDELT_V2, paramLabel = "BASE_URL",
            description = "follow GDELT 2.0's lastupdate.txt under BASE_URL (default " + FeedFollower.GDELT_V2 + ")")
    String follow;

    @Option(names = "--interval", defaultValue = "15m", paramLabel = "DURATION",
            description = "with --follow: time between rounds, e.g. 15m, 90s, 1h (default 15m)")
    String interval;

    @Option(names = "--once", description = "with --follow: one round, then exit (what a CronJob runs)")
    boolean once;

    @Option(names = "--feed", defaultValue = "gdelt-v2",
            description = "with --follow: the name under which events-service remembers the last file (default gdelt-v2)")
    String feed;

    @Spec
    CommandSpec spec;

    private final Services services;
    private final ImporterConfig config;

    public ImportCommand(Services services, ImporterConfig config) {
        this.services = services;
        this.config = config;
    }

    @Override
    public Integer call() {
        GdeltFormat forced = checkOptions();
        if (actorsUrl == null) {
            actorsUrl = config.actorsUrl();
        }
        if (eventsUrl == null) {
            eventsUrl = config.eventsUrl();
        }
        services.connect(actorsUrl, eventsUrl, token != null ? token : config.token().orElse(null));
        List<ImportModel.EventType> catalogue;
        try {
            catalogue = services.eventTypes().await().indefinitely();
        } catch (RuntimeException e) {
            System.err.println("parley import: cannot read the CAMEO catalogue: "
                    + ImportFailure.backend(Services.EVENTS, e).getMessage() + " (" + eventsUrl + ")");
            return 1;
        }
        GdeltImporter importer = new GdeltImporter(services, catalogue, mergeStories);
        String target = "actors " + actorsUrl + ", events " + eventsUrl;
        FileImport.Options options = new FileImport.Options(forced, reportDir, chunkLines, parallel, retries,
                progress, target);
        if (follow != null) {
            return new FeedFollower(URI.create(follow.endsWith("/") ? follow : follow + "/"), feed, services,
                    files -> new FileImport(importer, options, System.out, System.err).run(files), System.out)
                    .run(once, parseInterval(interval));
        }
        return new FileImport(importer, options, System.out, System.err).run(inputs);
    }

    private GdeltFormat checkOptions() {
        GdeltFormat forced;
        try {
            forced = GdeltFormat.fromParameter(format).orElse(null);
        } catch (IllegalArgumentException e) {
            throw usage("--format must be auto, v2, v1-daily or v1-backfile, not '" + format + "'");
        }
        if (chunkLines < 1 || chunkLines > FileImport.MAX_CHUNK_LINES) {
            throw usage("--chunk-lines must be a number from 1 to " + FileImport.MAX_CHUNK_LINES);
        }
        if (parallel < 1 || parallel > 8) {
            throw usage("--parallel must be a number from 1 to 8");
        }
        if (retries < 0 || retries > 100) {
            throw usage("--retries must be a number from 0 to 100");
        }
        if (!List.of("auto", "tty", "plain", "none").contains(progress)) {
            throw usage("--progress must be auto, tty, plain or none");
        }
        if (follow == null && inputs.isEmpty()) {
            throw usage("name a file or a directory to import (or --follow)");
        }
        if (follow != null && !inputs.isEmpty()) {
            throw usage("--follow imports the feed's files, not " + inputs);
        }
        if (follow != null) {
            parseInterval(interval);
        }
        return forced;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(s|m|h)");

    private Duration parseInterval(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw usage("--interval must be a duration like 15m, 90s or 1h, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
