package org.parley.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Country codes and names for the GDELT import, from CAMEO's own country table
 * ({@code cameo/CAMEO.country.txt}, see its PROVENANCE.md) restricted to real ISO 3166-1 alpha-3 codes
 * (the JDK's table, as actors-service and events-service validate them). CAMEO's names are used
 * rather than the JDK's display names because those change between JDK releases ("Turkey" →
 * "Türkiye"), and a changed name would split one state into two actors on resolve.
 */
public final class Countries {

    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    // compiled once (before INSTANCE, whose loading folds): fold runs for several names of every
    // imported row, and String.replaceAll would compile them on each call
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private static final Countries INSTANCE = load();

    /** ISO alpha-3 code → CAMEO name. */
    private final Map<String, String> names;
    /** folded CAMEO name → ISO alpha-3 code, only names that belong to exactly one code. */
    private final Map<String, String> codesByName;

    private Countries(Map<String, String> names, Map<String, String> codesByName) {
        this.names = Map.copyOf(names);
        this.codesByName = Map.copyOf(codesByName);
    }

    public static Countries get() {
        return INSTANCE;
    }

    public static boolean isIso3(String code) {
        return code != null && ISO3.contains(code);
    }

    /** The CAMEO name of an ISO alpha-3 country code ("RUS" → "Russia"), or null if it is not one. */
    public String nameOf(String iso3) {
        return iso3 == null ? null : names.get(iso3);
    }

    /**
     * The ISO alpha-3 code of a country named exactly as CAMEO names it (case and accents ignored), or
     * null. GDELT's geography names end with the country's name ("Dallas, Texas, United States"); its
     * country column is FIPS 10-4, which is not ISO ("RS" is Russia, "SR" is Suriname), so the name is the
     * only safe way from a GDELT place to an ISO code. Unknown or ambiguous names give null.
     */
    public String codeOfName(String name) {
        return name == null ? null : codesByName.get(fold(name));
    }

    static String fold(String s) {
        String decomposed = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static Countries load() {
        Map<String, String> names = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        try (InputStream in = Countries.class.getResourceAsStream("/cameo/CAMEO.country.txt")) {
            if (in == null) {
                throw new IllegalStateException("cameo/CAMEO.country.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: CODE LABEL
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split("\t", 2);
                if (parts.length < 2 || !ISO3.contains(parts[0].trim())) {
                    continue; // regions (AFR, EUR, WSB …) are not countries with an ISO code
                }
                String code = parts[0].trim();
                String name = parts[1].trim();
                names.putIfAbsent(code, name);
                String folded = fold(name);
                String earlier = byName.putIfAbsent(folded, code);
                if (earlier != null && !earlier.equals(code)) {
                    ambiguous.add(folded);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ambiguous.forEach(byName::remove);
        return new Countries(names, byName);
    }
}
