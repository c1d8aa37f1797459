package org.parley.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CAMEO's actor type codebook ({@code cameo/CAMEO.type.txt}: GOV Government, MIL Military, COP Police
 * forces …), for naming the sector of a composite actor code (USAGOV → "Government").
 */
public final class ActorTypes {

    private static final ActorTypes INSTANCE = load();

    private final Map<String, String> labels;

    private ActorTypes(Map<String, String> labels) {
        this.labels = Map.copyOf(labels);
    }

    public static ActorTypes get() {
        return INSTANCE;
    }

    /**
     * The labels of a code made only of 3-letter type codes ("GOVELI" → [Government, Elites]), or null
     * when it is empty or any part is not a type code (e.g. INSTAL: TAL is a known group, the Taliban).
     */
    public List<String> labelsOf(String codes) {
        if (codes == null || codes.isEmpty() || codes.length() % 3 != 0) {
            return null;
        }
        List<String> found = new ArrayList<>(codes.length() / 3);
        for (int i = 0; i < codes.length(); i += 3) {
            String label = labels.get(codes.substring(i, i + 3));
            if (label == null) {
                return null;
            }
            found.add(label);
        }
        return found;
    }

    private static ActorTypes load() {
        Map<String, String> labels = new HashMap<>();
        try (InputStream in = ActorTypes.class.getResourceAsStream("/cameo/CAMEO.type.txt")) {
            if (in == null) {
                throw new IllegalStateException("cameo/CAMEO.type.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: CODE LABEL
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split("\t", 2);
                if (parts.length == 2) {
                    labels.putIfAbsent(parts[0].trim(), parts[1].trim()); // UIS is listed twice, alike
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ActorTypes(labels);
    }
}
