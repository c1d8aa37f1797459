package org.parley.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The real GDELT 2.0 sample (src/test/resources/gdelt, see PROVENANCE.md) and fixtures derived from it. */
public final class GdeltFiles {

    public static final String SAMPLE = "20191024143000.export.CSV";
    public static final int SAMPLE_ROWS = 2111;

    private GdeltFiles() {
    }

    public static List<String> sample() {
        try (InputStream in = GdeltFiles.class.getResourceAsStream("/gdelt/" + SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GLOBALEVENTID offset no other test run uses (the sample's ids are below 10^9). */
    public static long freshOffset() {
        return ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1_000_000_000L;
    }

    /** A day no other test uses, so that counting a day's events counts exactly one test's rows. */
    public static LocalDate freshDay() {
        return LocalDate.of(1800, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 365 * 150));
    }

    public static String[] columns(String line) {
        return line.split("\t", -1);
    }

    public static String join(String[] c) {
        return String.join("\t", c);
    }

    public static String withId(String line, long offset) {
        String[] c = columns(line);
        c[0] = String.valueOf(Long.parseLong(c[0]) + offset);
        return join(c);
    }

    public static String withDay(String line, LocalDate day) {
        String[] c = columns(line);
        c[1] = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        return join(c);
    }

    /** The rows with fresh ids (and, if given, all on one day). */
    public static List<String> fresh(List<String> lines, long offset, LocalDate day) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            String l = withId(line, offset);
            out.add(day == null ? l : withDay(l, day));
        }
        return out;
    }

    /** A 2.0 row in the GDELT 1.0 daily layout: no ADM2Code in the geo blocks, DATEADDED as YYYYMMDD (58 columns). */
    public static String toV1Daily(String line) {
        List<String> c = new ArrayList<>(Arrays.asList(columns(line)));
        // ADM2Code is the 5th column of each 8-column geo block (blocks start at 35, 43, 51); highest first.
        c.remove(55);
        c.remove(47);
        c.remove(39);
        c.set(56, c.get(56).substring(0, 8));
        return String.join("\t", c);
    }

    /** The 1979–2013 back file layout: the daily layout without SOURCEURL (57 columns). */
    public static String toV1Backfile(String line) {
        List<String> c = new ArrayList<>(Arrays.asList(columns(toV1Daily(line))));
        c.remove(c.size() - 1);
        return String.join("\t", c);
    }

    public static Path write(Path dir, String name, List<String> lines) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
