package org.parley.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One rendered kustomization with everything the checks need. Paths are relative to k8s/. */
record Overlay(String dir, List<HasMetadata> resources, List<String> parseProblems, ManifestChecks checks) {

    static final List<String> APPS = List.of("gateway", "actors-service", "events-service");
    /** Applications that run to completion (CronJobs): checked like the others, minus ports and probes. */
    static final List<String> JOBS = List.of("importer");

    static Overlay render(String dir) {
        DevKeys.ensure();
        Manifests.Parsed parsed = Manifests.parse(Kustomize.render(Path.of(dir)));
        return new Overlay(dir, parsed.resources(), parsed.problems(),
                new ManifestChecks(parsed.resources(), apps(), documentedSecrets()));
    }

    /** The applications' own configuration, read from their modules next to this one. */
    static Map<String, AppConfig> apps() {
        Map<String, AppConfig> apps = new LinkedHashMap<>();
        APPS.forEach(app -> apps.put(app, AppConfig.load(Path.of("..", app))));
        JOBS.forEach(app -> apps.put(app, AppConfig.load(Path.of("..", app))));
        return apps;
    }

    private static final Pattern CREATE_SECRET = Pattern.compile(
            "kubectl (?:-n \\S+ )?create secret (generic|tls) (\\S+)(.*)");
    private static final Pattern KEY = Pattern.compile("--from-(?:literal|file)=([^=\\s]+)=");

    /**
     * The Secrets k8s/README.md tells an operator to create by hand ({@code kubectl create secret …}
     * lines), name → keys: the overlay may refer to these without rendering them.
     */
    static Map<String, Set<String>> documentedSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("README.md"))) {
                Matcher m = CREATE_SECRET.matcher(line.trim());
                if (!m.matches()) {
                    continue;
                }
                Set<String> keys = new TreeSet<>();
                if (m.group(1).equals("tls")) {
                    keys.addAll(List.of("tls.crt", "tls.key"));
                }
                Matcher k = KEY.matcher(m.group(3));
                while (k.find()) {
                    keys.add(k.group(1));
                }
                secrets.put(m.group(2), keys);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return secrets;
    }

    Workload workload(String name) {
        return checks.workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(dir + " renders no workload " + name));
    }

    <T extends HasMetadata> List<T> ofKind(Class<T> kind) {
        return Manifests.ofKind(resources, kind);
    }
}
