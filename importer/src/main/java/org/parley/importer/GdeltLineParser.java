package org.parley.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;

/**
 * Turns one tab-separated GDELT line into a {@link GdeltRow} or a rejection with a reason a
 * person can act on. Pure and stateless apart from the catalogue of known event codes, so an
 * import can be replayed and give the same verdict for every line.
 */
public final class GdeltLineParser {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    /** actors-service's limit for a name (and events-service's for a place name). */
    static final int MAX_NAME = 300;

    private final Set<String> knownEventCodes;
    private final GdeltFormat forced;

    /**
     * @param knownEventCodes the CAMEO catalogue as events-service serves it
     * @param forced a format every line must have, or null to detect it per line
     */
    public GdeltLineParser(Set<String> knownEventCodes, GdeltFormat forced) {
        this.knownEventCodes = Set.copyOf(knownEventCodes);
        this.forced = forced;
    }

    /** The outcome for one line: exactly one of {@code row} and {@code reason} is set. */
    public record Result(long lineNumber, GdeltRow row, String reason) {
        public boolean accepted() {
            return row != null;
        }
    }

    public Result parse(String line, long lineNumber) {
        try {
            return new Result(lineNumber, parseRow(line, lineNumber), null);
        } catch (Rejected e) {
            return new Result(lineNumber, null, e.getMessage());
        }
    }

    private GdeltRow parseRow(String line, long lineNumber) {
        if (line.isBlank()) {
            throw new Rejected("empty line");
        }
        // Files written on Windows end their lines with CR LF; the CR is not part of SOURCEURL.
        String[] c = (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).split("\t", -1);
        GdeltFormat format = GdeltFormat.byColumnCount(c.length).orElseThrow(() -> new Rejected(
                "wrong column count: " + c.length + " (expected 61 for GDELT 2.0, 58 or 57 for GDELT 1.0)"));
        if (forced != null && format != forced) {
            throw new Rejected("wrong column count: " + c.length + " (format " + forced.parameter + " needs " + forced.columns + ")");
        }
        long id = parseLong(c[0], "GLOBALEVENTID");
        if (id <= 0) {
            throw new Rejected("GLOBALEVENTID must be positive: '" + c[0] + "'");
        }
        LocalDate date = parseDate(c[1], DAY, "SQLDATE");
        String code = c[26].trim();
        if (code.isEmpty()) {
            throw new Rejected("EventCode is empty");
        }
        if (!knownEventCodes.contains(code)) {
            throw new Rejected("unknown event code '" + code + "'");
        }
        int dateAddedAt = format.dateAddedIndex();
        Instant dateAdded = blank(c[dateAddedAt]) ? null
                : format.dateAddedHasTime
                        ? LocalDateTime.parse(c[dateAddedAt].trim(), checked(SECOND, c[dateAddedAt], "DATEADDED")).toInstant(ZoneOffset.UTC)
                        : parseDate(c[dateAddedAt], DAY, "DATEADDED").atStartOfDay().toInstant(ZoneOffset.UTC);
        String url = format.hasSourceUrl ? emptyToNull(c[dateAddedAt + 1]) : null;
        return new GdeltRow(
                lineNumber, format, id, date,
                actor(c, 5, "Actor1"), actor(c, 15, "Actor2"),
                "1".equals(c[25].trim()),
                code,
                parseInt(c[29], "QuadClass", 0),
                parseDouble(c[30], "GoldsteinScale", 0.0),
                parseInt(c[31], "NumMentions", 0),
                parseInt(c[32], "NumSources", 0),
                parseInt(c[33], "NumArticles", 0),
                parseDouble(c[34], "AvgTone", 0.0),
                geo(c, format, 2),
                dateAdded,
                url);
    }

    private static GdeltRow.Actor actor(String[] c, int at, String which) {
        String code = emptyToNull(c[at]);
        String name = emptyToNull(c[at + 1]);
        if (code == null && name == null) {
            return null;
        }
        if (name != null && name.length() > MAX_NAME) {
            throw new Rejected(which + "Name is longer than " + MAX_NAME + " characters");
        }
        return new GdeltRow.Actor(code, name, emptyToNull(c[at + 2]), emptyToNull(c[at + 3]),
                emptyToNull(c[at + 7]), emptyToNull(c[at + 8]), emptyToNull(c[at + 9]));
    }

    private static GdeltRow.Geo geo(String[] c, GdeltFormat format, int block) {
        int at = format.geoStart(block);
        int type = blank(c[at]) ? 0 : parseInt(c[at], "ActionGeo_Type", 0);
        if (type == 0) {
            return null;
        }
        if (type < 0 || type > 5) {
            throw new Rejected("ActionGeo_Type must be 0 to 5: '" + c[at] + "'");
        }
        // 2.0 inserted ADM2Code after ADM1Code; Lat, Long and FeatureID shift by one.
        int shift = format.geoWidth - 7;
        Double lat = blank(c[at + 4 + shift]) ? null : parseDouble(c[at + 4 + shift], "ActionGeo_Lat", null);
        Double lon = blank(c[at + 5 + shift]) ? null : parseDouble(c[at + 5 + shift], "ActionGeo_Long", null);
        if (lat != null && (lat < -90 || lat > 90) || lon != null && (lon < -180 || lon > 180)) {
            throw new Rejected("ActionGeo coordinates out of range: " + lat + "," + lon);
        }
        String fullName = emptyToNull(c[at + 1]);
        if (fullName != null && fullName.length() > MAX_NAME) {
            throw new Rejected("ActionGeo_FullName is longer than " + MAX_NAME + " characters");
        }
        String featureId = emptyToNull(c[at + 6 + shift]);
        if (featureId != null && featureId.length() > 200) {
            throw new Rejected("ActionGeo_FeatureID is longer than 200 characters");
        }
        return new GdeltRow.Geo(type, fullName, emptyToNull(c[at + 2]), emptyToNull(c[at + 3]),
                lat, lon, featureId);
    }

    private static LocalDate parseDate(String s, DateTimeFormatter f, String column) {
        return LocalDate.parse(s.trim(), checked(f, s, column));
    }

    /** Returns the formatter after checking the text parses with it, so the caller's parse cannot throw. */
    private static DateTimeFormatter checked(DateTimeFormatter f, String s, String column) {
        try {
            f.parse(s.trim());
            return f;
        } catch (DateTimeParseException e) {
            throw new Rejected("unparsable " + column + ": '" + s + "'");
        }
    }

    private static long parseLong(String s, String column) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new Rejected("unparsable " + column + ": '" + s + "'");
        }
    }

    private static int parseInt(String s, String column, int ifBlank) {
        if (blank(s)) {
            return ifBlank;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new Rejected("unparsable " + column + ": '" + s + "'");
        }
    }

    private static Double parseDouble(String s, String column, Double ifBlank) {
        if (blank(s)) {
            return ifBlank;
        }
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Rejected("unparsable " + column + ": '" + s + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    /** A rejection travels as an exception inside the parser only; callers see a {@link Result}. */
    private static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
