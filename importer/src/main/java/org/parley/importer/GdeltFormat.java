package org.parley.importer;

import java.util.Optional;

/**
 * The three GDELT event-file layouts, told apart by their column count alone (GDELT files have
 * no header row). Columns 1–35 are the same in all three; they differ in the width of the three
 * geography blocks (2.0 added ADM2Code) and in the trailing DATEADDED / SOURCEURL columns.
 */
public enum GdeltFormat {
    /** GDELT 2.0 15-minute export: 8-column geo blocks, DATEADDED as YYYYMMDDHHMMSS, SOURCEURL. */
    V2_EXPORT(61, 8, true, true, "v2", "2.0"),
    /** GDELT 1.0 daily file: 7-column geo blocks, DATEADDED as YYYYMMDD, SOURCEURL. */
    V1_DAILY(58, 7, false, true, "v1-daily", "1.0 daily"),
    /** GDELT 1.0 1979–2013 back file: as the daily file, without SOURCEURL. */
    V1_BACKFILE(57, 7, false, false, "v1-backfile", "1.0 back file");

    /** Columns before the first geography block (GLOBALEVENTID … AvgTone). */
    static final int FIXED_COLUMNS = 35;

    final int columns;
    final int geoWidth;
    final boolean dateAddedHasTime;
    final boolean hasSourceUrl;
    /** The name of the format in the import's {@code format} parameter. */
    final String parameter;
    final String label;

    GdeltFormat(int columns, int geoWidth, boolean dateAddedHasTime, boolean hasSourceUrl, String parameter,
            String label) {
        this.columns = columns;
        this.geoWidth = geoWidth;
        this.dateAddedHasTime = dateAddedHasTime;
        this.hasSourceUrl = hasSourceUrl;
        this.parameter = parameter;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The format named by an import's {@code format} parameter: empty for "auto" (detect per line by
     * column count), else v2, v1-daily or v1-backfile; unknown names throw IllegalArgumentException.
     */
    public static Optional<GdeltFormat> fromParameter(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        for (GdeltFormat f : values()) {
            if (f.parameter.equalsIgnoreCase(name.trim())) {
                return Optional.of(f);
            }
        }
        throw new IllegalArgumentException("format '" + name + "' is not one of auto, v2, v1-daily, v1-backfile");
    }

    public int columns() {
        return columns;
    }

    /** Zero-based index of the first column of geography block {@code block} (0 actor1, 1 actor2, 2 action). */
    int geoStart(int block) {
        return FIXED_COLUMNS + block * geoWidth;
    }

    int dateAddedIndex() {
        return FIXED_COLUMNS + 3 * geoWidth;
    }

    public static Optional<GdeltFormat> byColumnCount(int count) {
        for (GdeltFormat f : values()) {
            if (f.columns == count) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
