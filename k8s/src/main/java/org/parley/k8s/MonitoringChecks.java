package org.parley.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * The offline checks of the monitoring component (components/monitoring): Grafana dashboards (ConfigMaps
 * labelled {@value #DASHBOARD_LABEL}) and PrometheusRules use only metrics the services expose — the names
 * in {@code k8s/observability/exposed-metrics.txt}, which the gateway's end-to-end suite checks against
 * the real services' scrapes —, every alert has a severity, a summary and a runbook, and every
 * ServiceMonitor scrapes {@code /q/metrics} on a port its Services have.
 */
public final class MonitoringChecks {

    public static final String DASHBOARD_LABEL = "grafana_dashboard";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HasMetadata> resources;
    private final Set<String> exposed;

    /** @param exposed every metric name some Parley service exposes */
    public MonitoringChecks(List<HasMetadata> resources, Set<String> exposed) {
        this.resources = resources;
        this.exposed = exposed;
    }

    /** The metric names listed in {@code exposed-metrics.txt} ("service metric" lines), whatever the service. */
    public static Set<String> exposedMetrics(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                String[] parts = entry.split("\\s+");
                names.add(parts[parts.length - 1]);
            }
        }
        return names;
    }

    public List<String> all() {
        List<String> problems = new ArrayList<>(dashboards());
        problems.addAll(rules());
        problems.addAll(scrapes());
        return problems;
    }

    /** Every dashboard parses, has panels, and queries only exposed metrics. */
    public List<String> dashboards() {
        List<String> problems = new ArrayList<>();
        for (ConfigMap cm : Manifests.ofKind(resources, ConfigMap.class)) {
            Map<String, String> labels = cm.getMetadata().getLabels();
            if (labels == null || !labels.containsKey(DASHBOARD_LABEL)) {
                continue;
            }
            cm.getData().forEach((file, text) -> {
                String where = "dashboard ConfigMap " + cm.getMetadata().getName() + " " + file;
                JsonNode dashboard;
                try {
                    dashboard = JSON.readTree(text);
                } catch (IOException e) {
                    problems.add(where + ": not JSON: " + e.getMessage());
                    return;
                }
                if (!dashboard.path("panels").isArray() || dashboard.path("panels").isEmpty()) {
                    problems.add(where + ": has no panels");
                }
                List<String> expressions = new ArrayList<>();
                dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
                if (expressions.isEmpty()) {
                    problems.add(where + ": has no queries");
                }
                expressions.forEach(e -> problems.addAll(unexposed(where, e)));
            });
        }
        return problems;
    }

    /** Every alert: exposed metrics only, a severity, a summary and a runbook. */
    public List<String> rules() {
        List<String> problems = new ArrayList<>();
        for (PrometheusRule rule : Manifests.ofKind(resources, PrometheusRule.class)) {
            for (RuleGroup group : rule.getSpec().getGroups()) {
                for (Rule r : group.getRules()) {
                    String name = r.getAlert() != null ? r.getAlert() : r.getRecord();
                    String where = "PrometheusRule " + rule.getMetadata().getName() + " rule " + name;
                    problems.addAll(unexposed(where, r.getExpr().getStrVal()));
                    if (r.getAlert() == null) {
                        continue;
                    }
                    Map<String, String> labels = r.getLabels() == null ? Map.of() : r.getLabels();
                    Map<String, String> annotations = r.getAnnotations() == null ? Map.of() : r.getAnnotations();
                    if (!labels.containsKey("severity")) {
                        problems.add(where + ": no severity label");
                    }
                    for (String key : List.of("summary", "runbook_url")) {
                        if (annotations.getOrDefault(key, "").isBlank()) {
                            problems.add(where + ": no " + key + " annotation");
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Every ServiceMonitor selects Services and scrapes /q/metrics on a port they name. */
    public List<String> scrapes() {
        List<String> problems = new ArrayList<>();
        List<Service> services = Manifests.ofKind(resources, Service.class);
        for (ServiceMonitor monitor : Manifests.ofKind(resources, ServiceMonitor.class)) {
            String where = "ServiceMonitor " + monitor.getMetadata().getName();
            Map<String, String> wanted = monitor.getSpec().getSelector().getMatchLabels();
            List<Service> selected = services.stream().filter(s -> s.getMetadata().getLabels() != null
                    && s.getMetadata().getLabels().entrySet().containsAll(wanted.entrySet())).toList();
            if (selected.isEmpty()) {
                problems.add(where + ": selector " + wanted + " matches no Service");
            }
            for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
                if (!"/q/metrics".equals(endpoint.getPath())) {
                    problems.add(where + ": scrapes " + endpoint.getPath() + ", the services serve /q/metrics");
                }
                for (Service s : selected) {
                    if (s.getSpec().getPorts().stream().noneMatch(p -> endpoint.getPort().equals(p.getName()))) {
                        problems.add(where + ": Service " + s.getMetadata().getName() + " has no port named "
                                + endpoint.getPort());
                    }
                }
            }
        }
        return problems;
    }

    private List<String> unexposed(String where, String expression) {
        List<String> problems = new ArrayList<>();
        for (String metric : metricNames(expression)) {
            if (!exposed.contains(metric)) {
                problems.add(where + ": uses metric " + metric
                        + ", which is not in k8s/observability/exposed-metrics.txt (no Parley service is known to expose it)");
            }
        }
        return problems;
    }

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern
            .compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    /** The metric names a PromQL expression reads: identifiers that are not functions, labels or keywords. */
    public static Set<String> metricNames(String promql) {
        String stripped = STRINGS.matcher(promql).replaceAll("\"\"");
        stripped = stripped.replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "");
        stripped = GROUPING.matcher(stripped).replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
