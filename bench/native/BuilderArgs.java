import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * Translates what the {@code native-image} driver would do with a Quarkus app's native sources into
 * options for GraalVM's builder ({@code NativeImageGeneratorRunner}), which bin/native-check runs
 * directly because no GraalVM distribution (and so no driver) exists here.
 *
 * <p>The driver reads Quarkus' {@code native-image.args} and every classpath entry's
 * {@code META-INF/native-image/**}{@code /native-image.properties} ({@code Args=}, {@code JavaArgs=}),
 * turns its own options ({@code --features}, {@code --initialize-at-run-time}, {@code -J…}, …) into
 * {@code -H:} options and builder JVM flags, and hands the builder each library's JSON configuration
 * ({@code reflect-config.json}, …) minus the {@code --exclude-config} ones. This does the same for the
 * options Parley's apps and their libraries use; an option it does not know is written to
 * {@code untranslated.txt}, which bin/native-check reports (so nothing is dropped silently).
 *
 * <p>Usage: {@code java BuilderArgs.java <native-sources dir> <out dir> <clibraries dir>}: builder
 * options on stdout (one per line), JVM options in {@code <out>/jvm.args}.
 */
public class BuilderArgs {

    private final List<String> builder = new ArrayList<>();
    private final List<String> jvm = new ArrayList<>();
    private final List<String> untranslated = new ArrayList<>();
    private final Set<String> configResources = new LinkedHashSet<>();
    private final List<Pattern[]> excludedConfig = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Path src = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        Path clib = Path.of(args[2]).toAbsolutePath();
        new BuilderArgs().run(src, out, clib);
    }

    private void run(Path src, Path out, Path clib) throws IOException {
        List<String> quarkus = tokens(Files.readString(src.resolve("native-image.args"), StandardCharsets.UTF_8));
        String imageName = null;
        Path jar = null;
        for (int i = 0; i < quarkus.size(); i++) {
            String a = quarkus.get(i);
            if (a.equals("-jar")) {
                jar = src.resolve(quarkus.get(++i));
            } else if (a.equals("--exclude-config")) {
                excludedConfig.add(new Pattern[] {Pattern.compile(quarkus.get(i + 1)), Pattern.compile(quarkus.get(i + 2))});
                i += 2;
            } else if (!a.startsWith("-")) {
                imageName = a;
            } else {
                translate(a, "native-image.args");
            }
        }
        if (jar == null) {
            throw new IllegalStateException("native-image.args names no -jar");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(jar);
        String main;
        try (JarFile runner = new JarFile(jar.toFile())) {
            Manifest manifest = runner.getManifest();
            main = manifest.getMainAttributes().getValue("Main-Class");
            String cp = manifest.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                for (String entry : cp.trim().split("\\s+")) {
                    classpath.add(jar.getParent().resolve(entry));
                }
            }
        }
        for (Path entry : classpath) {
            library(entry);
        }
        List<String> all = new ArrayList<>();
        all.add("-imagecp");
        all.add(String.join(":", classpath.stream().map(Path::toString).toList()));
        all.add("-H:Path=" + out);
        all.add("-H:Name=" + (imageName != null ? imageName : "app"));
        all.add("-H:Class=" + main);
        all.add("-H:CLibraryPath=" + clib);
        all.add("-H:ImageBuildID=" + UUID.randomUUID());
        all.addAll(builder);
        all.add("-H:+UnlockExperimentalVMOptions");
        for (String resource : configResources) {
            all.add(resource);
        }
        // Analysis only: the check this machine can make (no static JDK libraries to link with).
        all.add("-H:+ReturnAfterAnalysis");
        all.add("-H:-UnlockExperimentalVMOptions");
        // One option per line, unquoted: bin/native-check reads them with mapfile (the java launcher does not
        // expand @-files after the main class).
        for (String a : all) {
            System.out.println(a);
        }
        Files.write(out.resolve("jvm.args"), jvm.stream().map(BuilderArgs::quote).toList());
        Files.write(out.resolve("untranslated.txt"), untranslated);
    }

    /** A classpath entry's native-image.properties and JSON configuration, as the driver would take them. */
    private void library(Path entry) throws IOException {
        if (!Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            for (ZipEntry e : jar.stream().sorted((x, y) -> x.getName().compareTo(y.getName())).toList()) {
                String name = e.getName();
                if (!name.startsWith("META-INF/native-image/") || e.isDirectory()) {
                    continue;
                }
                String file = name.substring(name.lastIndexOf('/') + 1);
                if (file.equals("native-image.properties")) {
                    Properties p = new Properties();
                    p.load(new StringReader(new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)));
                    String where = entry.getFileName() + "!/" + name;
                    String dir = name.substring(0, name.lastIndexOf('/'));
                    for (String a : tokens(p.getProperty("Args", ""))) {
                        translate(a.replace("${.}", dir), where);
                    }
                    for (String a : tokens(p.getProperty("JavaArgs", ""))) {
                        jvm.add(a);
                    }
                    continue;
                }
                String option = switch (file) {
                    case "reflect-config.json" -> "ReflectionConfigurationResources";
                    case "resource-config.json" -> "ResourceConfigurationResources";
                    case "jni-config.json" -> "JNIConfigurationResources";
                    case "proxy-config.json" -> "DynamicProxyConfigurationResources";
                    case "serialization-config.json" -> "SerializationConfigurationResources";
                    case "predefined-classes-config.json" -> "PredefinedClassesConfigurationResources";
                    case "reachability-metadata.json" -> "ReachabilityMetadataResources";
                    default -> null;
                };
                if (option != null && !excluded(entry, name)) {
                    configResources.add("-H:" + option + "=" + name);
                }
            }
        }
    }

    private boolean excluded(Path jar, String resource) {
        for (Pattern[] p : excludedConfig) {
            if (p[0].matcher(jar.toString()).find() && p[1].matcher("/" + resource).matches()) {
                return true;
            }
        }
        return false;
    }

    /** One driver option into builder options or builder JVM options. */
    private void translate(String a, String where) {
        if (a.startsWith("-J")) {
            jvm.add(a.substring(2));
        } else if (a.startsWith("-H:")) {
            builder.add(a);
        } else if (a.startsWith("--features=")) {
            builder.add("-H:Features=" + value(a));
        } else if (a.startsWith("--initialize-at-run-time")) {
            classInit(a, "run_time");
        } else if (a.startsWith("--initialize-at-build-time")) {
            classInit(a, "build_time");
        } else if (a.equals("--no-fallback")) {
            builder.add("-H:FallbackThreshold=0");
        } else if (a.equals("--link-at-build-time")) {
            builder.add("-H:LinkAtBuildTime=");
        } else if (a.startsWith("--link-at-build-time=")) {
            builder.add("-H:LinkAtBuildTime=" + value(a));
        } else if (a.startsWith("--enable-url-protocols=")) {
            builder.add("-H:EnableURLProtocols=" + value(a));
        } else if (a.equals("--enable-http") || a.equals("--enable-https")) {
            builder.add("-H:EnableURLProtocols=" + a.substring("--enable-".length()));
        } else if (a.startsWith("--enable-monitoring")) {
            builder.add("-H:EnableMonitoringFeatures=" + (a.contains("=") ? value(a) : "all"));
        } else if (a.startsWith("--enable-native-access=")) {
            builder.add("-H:EnableNativeAccess=" + value(a));
        } else if (a.startsWith("--add-exports=")) {
            builder.add("-H:AddExports=" + value(a));
        } else if (a.startsWith("--add-opens=")) {
            builder.add("-H:AddOpens=" + value(a));
        } else if (a.startsWith("--add-reads=")) {
            builder.add("-H:AddReads=" + value(a));
        } else if (a.equals("--report-unsupported-elements-at-runtime")) {
            builder.add("-H:+ReportUnsupportedElementsAtRuntime");
        } else if (a.equals("--allow-incomplete-classpath")) {
            // Deprecated no-op since GraalVM 22; kept out so that --link-at-build-time stays in force.
        } else if (a.startsWith("--trace-object-instantiation=")) {
            builder.add("-H:TraceObjectInstantiation=" + value(a));
        } else if (a.startsWith("--trace-class-initialization=")) {
            builder.add("-H:ClassInitializationTracing=" + value(a));
        } else {
            untranslated.add(where + ": " + a);
        }
    }

    private void classInit(String a, String when) {
        if (!a.contains("=")) {
            builder.add("-H:ClassInitialization=:" + when); // every class
            return;
        }
        List<String> parts = new ArrayList<>();
        for (String name : value(a).split(",")) {
            if (!name.isBlank()) {
                parts.add(name.trim() + ":" + when);
            }
        }
        if (!parts.isEmpty()) {
            builder.add("-H:ClassInitialization=" + String.join(",", parts));
        }
    }

    private static String value(String option) {
        return option.substring(option.indexOf('=') + 1);
    }

    /** Whitespace-separated, with "…" or '…' quoting (the driver's argument files and Args= lines). */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    t.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || t.length() > 0) {
                    out.add(t.toString());
                    t.setLength(0);
                    any = false;
                }
            } else {
                t.append(c);
            }
        }
        if (any || t.length() > 0) {
            out.add(t.toString());
        }
        return out;
    }

    /** An @-file line: quoted when it has spaces or quotes (java's argument-file syntax). */
    private static String quote(String a) {
        if (a.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '#' || c == '\\')) {
            return '"' + a.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return a;
    }
}
