package org.parley.common.nativeimage;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a native image needs declared and no analysis checks (issue 18): the classpath resources an app opens
 * at run time against its {@code quarkus.native.resources.includes}, and the JSON types Jackson builds by
 * reflection. Each app's {@code NativeConfigTest} applies these to its own sources; they read files and classes
 * only (no Quarkus start). Keys set twice are k8s' PropertiesFilesTest's (every module).
 */
public final class NativeConfig {

    /** A call that opens a classpath resource by name: ClassLoader or Class getResource/AsStream/s. */
    private static final Pattern OPENS = Pattern.compile("\\.getResources?(?:AsStream)?\\(\\s*([^()]*?)\\s*\\)");
    private static final Pattern CONSTANT = Pattern.compile(
            "\\b(?:static\\s+final|final\\s+static)\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
    /** Quarkus adds these itself (static web resources). */
    private static final List<String> ALWAYS_INCLUDED = List.of("META-INF/resources/");

    private NativeConfig() {
    }

    /** The globs of {@code quarkus.native.resources.includes} a production (native) build takes. */
    public static List<String> resourceIncludes(Path properties) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String value = p.getProperty("%prod.quarkus.native.resources.includes",
                p.getProperty("quarkus.native.resources.includes", ""));
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The classpath resources the sources under {@code sourceRoot} open by a constant name: each
     * {@code getResource(…)}, {@code getResourceAsStream(…)} or {@code getResources(…)} whose argument is a
     * string literal or a {@code static final String} constant of the module. An argument that is neither
     * (a name computed at run time) is returned as {@code ?file: expression}, so that the caller fails and a
     * person decides.
     */
    public static Set<String> resourcesOpened(Path sourceRoot) throws IOException {
        Map<String, String> constants = new LinkedHashMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path f : sources) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            texts.put(f, text);
            Matcher c = CONSTANT.matcher(text);
            while (c.find()) {
                constants.putIfAbsent(c.group(1), c.group(2));
            }
        }
        Set<String> opened = new TreeSet<>();
        texts.forEach((file, text) -> {
            Matcher m = OPENS.matcher(text);
            while (m.find()) {
                String arg = m.group(1);
                String name;
                if (arg.matches("\"[^\"]*\"")) {
                    name = arg.substring(1, arg.length() - 1);
                } else if (arg.matches("(?:\\w+\\.)*\\w+") && constants.containsKey(arg.replaceAll(".*\\.", ""))) {
                    name = constants.get(arg.replaceAll(".*\\.", ""));
                } else {
                    name = "?" + sourceRoot.relativize(file) + ": " + arg;
                }
                opened.add(name.startsWith("/") ? name.substring(1) : name);
            }
        });
        return opened;
    }

    /** Whether a resource is in a native image with these includes (Quarkus globs: *, **, ?, {a,b}). */
    public static boolean included(String resource, List<String> includes) {
        if (ALWAYS_INCLUDED.stream().anyMatch(resource::startsWith)) {
            return true;
        }
        return includes.stream().anyMatch(glob -> globRegex(glob).matcher(resource).matches());
    }

    /** The resources opened by the sources that {@code included} says a native image would not have. */
    public static List<String> missingResources(Path sourceRoot, Path properties) throws IOException {
        List<String> includes = resourceIncludes(properties);
        return resourcesOpened(sourceRoot).stream().filter(r -> r.startsWith("?") || !included(r, includes)).toList();
    }

    /**
     * The application's types Jackson builds or writes that are not registered for reflection: starting from
     * the JSON bodies and results of the REST client interfaces' methods and from the registered types
     * themselves, every record component type (through {@code List}/{@code Map}/{@code Optional}/… arguments)
     * in an {@code org.parley} package must be among {@code registered}. Parameters annotated as path, query,
     * header or bean parameters are not JSON and not followed.
     */
    public static Set<String> unregisteredJsonTypes(List<Class<?>> clientApis, Set<Class<?>> registered) {
        Deque<Type> work = new ArrayDeque<>(registered);
        for (Class<?> api : clientApis) {
            for (Method m : api.getMethods()) {
                work.add(m.getGenericReturnType());
                Type[] types = m.getGenericParameterTypes();
                Parameter[] params = m.getParameters();
                for (int i = 0; i < params.length; i++) {
                    if (Arrays.stream(params[i].getAnnotations()).noneMatch(a -> a.annotationType().getSimpleName()
                            .matches("PathParam|QueryParam|HeaderParam|BeanParam|RestQuery|RestPath|RestHeader|CookieParam|NotBody"))) {
                        work.add(types[i]);
                    }
                }
            }
        }
        Set<Class<?>> seen = new LinkedHashSet<>();
        Set<String> missing = new TreeSet<>();
        while (!work.isEmpty()) {
            Type t = work.pop();
            if (t instanceof ParameterizedType p) {
                work.add(p.getRawType());
                work.addAll(Arrays.asList(p.getActualTypeArguments()));
            } else if (t instanceof WildcardType w) {
                work.addAll(Arrays.asList(w.getUpperBounds()));
            } else if (t instanceof Class<?> c && c.isArray()) {
                work.add(c.getComponentType());
            } else if (t instanceof Class<?> c && seen.add(c) && c.getName().startsWith("org.parley.")
                    && !c.isInterface() && !c.isEnum()) {
                if (!registered.contains(c)) {
                    missing.add(c.getName());
                }
                if (c.isRecord()) {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        work.add(rc.getGenericType());
                    }
                }
            }
        }
        return missing;
    }

    private static Pattern globRegex(String glob) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                r.append(".*");
                i++;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                    i++;
                    r.append("/?");
                }
            } else if (c == '*') {
                r.append("[^/]*");
            } else if (c == '?') {
                r.append("[^/]");
            } else if (c == '{') {
                r.append("(?:");
            } else if (c == '}') {
                r.append(')');
            } else if (c == ',') {
                r.append('|');
            } else {
                r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(r.toString());
    }
}
