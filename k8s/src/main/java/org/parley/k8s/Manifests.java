package org.parley.k8s;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Parses rendered manifests into typed objects, strictly: a document of a kind not listed here, or
 * with a field the kind does not have, is a problem. fabric8's model classes do not fail on unknown
 * fields, they keep them in {@code additionalProperties}; {@link #unknownFields} walks every object
 * and reports each one found there.
 */
public final class Manifests {

    /** apiVersion/kind → the class a document of that kind must parse into. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry(CnpgCluster.API_VERSION + "/" + CnpgCluster.KIND, CnpgCluster.class));

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The parsed documents, and what kept some from parsing (empty when all is well). */
    public record Parsed(List<HasMetadata> resources, List<String> problems) {
    }

    private Manifests() {
    }

    public static Parsed parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("the rendered YAML does not parse: " + e.getMessage());
            return new Parsed(resources, problems);
        }
        for (JsonNode document : documents) {
            String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            String name = document.path("metadata").path("name").asText("<no name>");
            Class<? extends HasMetadata> kind = KINDS.get(type);
            if (kind == null) {
                problems.add(type + " " + name + ": not a kind these manifests may use (known: "
                        + KINDS.keySet().stream().sorted().toList() + ")");
                continue;
            }
            try {
                HasMetadata resource = kind.cast(YAML.treeToValue(document, kind));
                List<String> unknown = unknownFields(resource);
                unknown.forEach(path -> problems.add(type + " " + name + ": unknown field " + path));
                resources.add(resource);
            } catch (IOException | RuntimeException e) {
                problems.add(type + " " + name + ": does not parse as " + kind.getSimpleName() + ": "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return new Parsed(resources, problems);
    }

    /**
     * Every field fabric8 kept in an {@code additionalProperties} map somewhere inside {@code root},
     * as a path ({@code spec.template.spec.containers[0].readinessprobe}).
     */
    public static List<String> unknownFields(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found, new IdentityHashMap<>());
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                walk(element, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", found, seen));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object child;
                try {
                    child = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                String childPath = path.isEmpty() ? jsonName(field) : path + "." + jsonName(field);
                if (field.getName().equals("additionalProperties") && child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> found.add(path.isEmpty() ? String.valueOf(k) : path + "." + k));
                } else {
                    walk(child, childPath, found, seen);
                }
            }
        }
    }

    private static final Predicate<String> MODEL_PACKAGES = p -> p.startsWith("io.fabric8.kubernetes.api.model")
            || p.startsWith("io.fabric8.openshift.api.model.monitoring") || p.startsWith("org.parley.k8s");

    private static boolean isModel(Class<?> type) {
        return !type.isEnum() && MODEL_PACKAGES.test(type.getPackageName());
    }

    private static String jsonName(Field field) {
        var property = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    /** Writes resources back as one multi-document YAML stream (for podman kube play). */
    public static String write(List<? extends HasMetadata> resources) {
        StringBuilder out = new StringBuilder();
        for (HasMetadata resource : resources) {
            try {
                ObjectNode tree = YAML.valueToTree(resource);
                out.append("---\n").append(YAML.writeValueAsString(tree));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    /** Resources of one kind, in render order. */
    public static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> resources, Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Resources of one kind by name. */
    public static <T extends HasMetadata> Map<String, T> byName(List<HasMetadata> resources, Class<T> kind) {
        Map<String, T> map = new LinkedHashMap<>();
        ofKind(resources, kind).forEach(r -> map.put(r.getMetadata().getName(), r));
        return map;
    }

    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet");
}
