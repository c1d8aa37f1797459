package org.parley.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The totals of {@code parley import}'s summary, as a person reads them on the terminal. */
public record ImportSummary(long rows, long imported, long duplicates, long resent, long rejected) {

    /** A summary with no chunk sent again (its "resent:" line is then absent). */
    public ImportSummary(long rows, long imported, long duplicates, long rejected) {
        this(rows, imported, duplicates, 0, rejected);
    }

    private static final Pattern ROWS = Pattern.compile("finished: \\d+ files?, ([\\d,]+) rows in");

    public static ImportSummary of(String output) {
        Matcher rows = ROWS.matcher(output);
        if (!rows.find()) {
            throw new AssertionError("no summary in the output:\n" + output);
        }
        return new ImportSummary(number(rows.group(1)), count(output, "imported:"), count(output, "duplicates:"),
                output.contains("resent:") ? count(output, "resent:") : 0, count(output, "rejected:"));
    }

    private static long count(String output, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+([\\d,]+)").matcher(output);
        if (!m.find()) {
            throw new AssertionError("no '" + label + "' in the summary:\n" + output);
        }
        return number(m.group(1));
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
