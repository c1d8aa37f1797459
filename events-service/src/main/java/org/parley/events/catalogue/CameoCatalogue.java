package org.parley.events.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CAMEO event catalogue as GDELT publishes it (src/main/resources/cameo, see PROVENANCE.md),
 * read from the two bundled files and corrected in one documented step.
 */
public final class CameoCatalogue {

    public record Entry(String code, String name, String rootCode, int quadClass, double goldstein) {
    }

    public static final String EVENT_CODES = "cameo/CAMEO.eventcodes.txt";
    public static final String GOLDSTEIN = "cameo/CAMEO.goldsteinscale.txt";

    /** "…military engagement106:[-5.0] Demand withdrawal": a code merged into the line before it. */
    private static final Pattern MERGED_CODE = Pattern.compile("^(.*?\\S)(\\d{3,4}):\\[(-?\\d+(?:\\.\\d+)?)\\]\\s*(.+)$");

    private CameoCatalogue() {
    }

    /** Loads the bundled files from the class path. */
    public static List<Entry> load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream codes = loader.getResourceAsStream(EVENT_CODES);
                InputStream weights = loader.getResourceAsStream(GOLDSTEIN)) {
            if (codes == null || weights == null) {
                throw new IllegalStateException("CAMEO files missing from the class path");
            }
            return build(readTable(codes), readTable(weights));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** code → text, header row skipped, CRLF tolerated, file order kept. */
    static Map<String, String> readTable(InputStream in) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                line = line.replace("\r", "");
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                rows.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
            }
        }
        return rows;
    }

    static List<Entry> build(Map<String, String> names, Map<String, String> weights) {
        Map<String, String> fixedNames = new LinkedHashMap<>(names);
        Map<String, Double> goldstein = new LinkedHashMap<>();
        weights.forEach((code, value) -> goldstein.put(code, Double.parseDouble(value)));
        correctUpstreamDefects(fixedNames, goldstein);

        List<Entry> entries = new ArrayList<>();
        fixedNames.forEach((code, name) -> {
            Double weight = goldstein.get(code);
            if (weight == null) {
                throw new IllegalStateException("CAMEO code " + code + " has no Goldstein weight");
            }
            String root = code.substring(0, 2);
            entries.add(new Entry(code, name, root, quadClassOf(root), weight));
        });
        return entries;
    }

    /**
     * THE correction step for the two defects of the upstream GDELT files (kept unmodified):
     * <ol>
     * <li>044 reads "Meet at a ÒhirdÓlocation" (mojibake) → "Meet at a 'third' location".</li>
     * <li>A code merged into the previous line ("1056 Demand de-escalation of military
     * engagement106:[-5.0] Demand withdrawal") is split off: 1056 keeps its own text and 106 becomes
     * its own code with the Goldstein weight written in the merged text (−5.0), since neither file
     * has a row for it.</li>
     * </ol>
     * Both steps check the defect is really there, so a corrected upstream file passes unchanged.
     */
    static void correctUpstreamDefects(Map<String, String> names, Map<String, Double> goldstein) {
        String meet = names.get("044");
        if (meet != null && !meet.equals("Meet at a 'third' location") && meet.contains("hird")) {
            names.put("044", "Meet at a 'third' location");
        }
        Map<String, String> splitOff = new LinkedHashMap<>();
        for (Map.Entry<String, String> row : names.entrySet()) {
            Matcher merged = MERGED_CODE.matcher(row.getValue());
            if (merged.matches()) {
                row.setValue(merged.group(1).trim());
                String code = merged.group(2);
                splitOff.put(code, merged.group(4).trim());
                goldstein.putIfAbsent(code, Double.parseDouble(merged.group(3)));
            }
        }
        splitOff.forEach(names::putIfAbsent);
    }

    /** GDELT's QuadClass by root code: 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4. */
    public static int quadClassOf(String rootCode) {
        int root = Integer.parseInt(rootCode);
        if (root >= 1 && root <= 5) {
            return 1;
        }
        if (root <= 9) {
            return 2;
        }
        if (root <= 14) {
            return 3;
        }
        if (root <= 20) {
            return 4;
        }
        throw new IllegalArgumentException("CAMEO root code out of range: " + rootCode);
    }
}
