package org.parley.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.parley.k8s.NetworkPolicies.Peer;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * The monitoring component (components/monitoring) on prod: scrape config, alert rules and the Grafana
 * dashboard, all on metric names the services expose, and the pods' OTLP endpoint.
 */
class MonitoringTest {

    static final Path EXPOSED = Path.of("observability/exposed-metrics.txt");

    private static Overlay monitored() {
        return OverlaysTest.overlay(OverlaysTest.PROD_MONITORING);
    }

    private static MonitoringChecks checks(Overlay o) throws IOException {
        return new MonitoringChecks(o.resources(), MonitoringChecks.exposedMetrics(EXPOSED));
    }

    @Test
    void dashboardRulesAndScrapeConfigUseOnlyExposedMetrics() throws IOException {
        Overlay o = monitored();
        assertEquals(List.of(), checks(o).all());
        assertEquals(1, o.ofKind(ServiceMonitor.class).size());
        ConfigMap dashboard = o.ofKind(ConfigMap.class).stream()
                .filter(cm -> cm.getMetadata().getLabels() != null
                        && "1".equals(cm.getMetadata().getLabels().get(MonitoringChecks.DASHBOARD_LABEL)))
                .findFirst().orElseThrow(() -> new AssertionError("no dashboard ConfigMap"));
        assertEquals("parley-dashboard", dashboard.getMetadata().getName(), "a stable name, no content hash");
    }

    @Test
    void alertsOnAnOpenBreakerA5xxRateAndGraphQlLatencyEachWithARunbookInTheReadme() throws IOException {
        List<Rule> alerts = monitored().ofKind(PrometheusRule.class).stream()
                .flatMap(r -> r.getSpec().getGroups().stream()).flatMap(g -> g.getRules().stream()).toList();
        assertEquals(List.of("ParleyCircuitBreakerOpen", "ParleyHigh5xxRate", "ParleyGraphQLLatencyOverBudget"),
                alerts.stream().map(Rule::getAlert).toList());
        assertTrue(alerts.get(0).getExpr().getStrVal().contains("parley_gateway_circuit_breaker_state{state=\"open\"}"));
        String readme = Files.readString(Path.of("README.md"));
        Matcher headings = Pattern.compile("(?m)^#+ (.+)$").matcher(readme);
        Set<String> anchors = new java.util.HashSet<>();
        while (headings.find()) {
            anchors.add(headings.group(1).toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
        }
        for (Rule alert : alerts) {
            String url = alert.getAnnotations().get("runbook_url");
            String anchor = url.substring(url.indexOf('#') + 1);
            assertTrue(url.startsWith("k8s/README.md#") && anchors.contains(anchor),
                    alert.getAlert() + ": runbook " + url + " is not a heading of k8s/README.md");
        }
    }

    @Test
    void podsExportTracesToTheCollectorAndPrometheusMayScrapeThem() {
        Overlay o = monitored();
        for (String app : Overlay.APPS) {
            ConfigMap config = o.ofKind(ConfigMap.class).stream()
                    .filter(cm -> cm.getMetadata().getName().startsWith(app + "-config")).findFirst().orElseThrow();
            assertEquals("http://otel-collector.monitoring:4317", config.getData().get("OTEL_EXPORTER_OTLP_ENDPOINT"), app);
        }
        NetworkPolicies policies = new NetworkPolicies(o.resources());
        Peer prometheus = Peer.podIn("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Peer collector = Peer.podIn("monitoring", Map.of("app.kubernetes.io/name", "otel-collector"));
        for (String app : Overlay.APPS) {
            Peer pod = Peer.pod(o.workload(app));
            int port = o.workload(app).containers().get(0).getPorts().get(0).getContainerPort();
            assertTrue(policies.allows(prometheus, pod, port), "Prometheus scrapes " + app);
            assertTrue(policies.allows(pod, collector, 4317), app + " exports traces");
            assertFalse(policies.allows(pod, collector, 4318), app + " may reach only the collector's OTLP gRPC port");
        }
        // The rest of prod's policy is unchanged: only the gateway and the importer reach the services.
        assertEquals(List.of(), NetworkExpectations.problems(o, Peer.outsideCluster("an external PostgreSQL")));
        // Without the component, no OTLP endpoint: the services do not export (their default).
        Overlay prod = OverlaysTest.overlay(OverlaysTest.PROD);
        assertTrue(prod.ofKind(ConfigMap.class).stream()
                .noneMatch(cm -> cm.getData() != null && cm.getData().containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")));
    }

    @Test
    void aRuleOrPanelOnAMetricNoServiceExposesIsReported() throws IOException {
        assertEquals(Set.of("http_server_requests_seconds_count", "parley_graphql_requests_seconds_bucket"),
                MonitoringChecks.metricNames("""
                        histogram_quantile(0.95, sum by (le, operation) (rate(parley_graphql_requests_seconds_bucket{\
                        type!="subscription", a="b{c}"}[5m]))) / on (x) group_left http_server_requests_seconds_count\
                         > 0.5 and bool 1e3"""));
        Overlay o = OverlaysTest.overlay("src/test/kustomize/broken/unknown-metric");
        List<String> problems = checks(o).rules();
        assertTrue(problems.stream().anyMatch(p -> p.equals("PrometheusRule parley rule ParleyHigh5xxRate: uses "
                + "metric http_server_request_seconds_count, which is not in k8s/observability/exposed-metrics.txt "
                + "(no Parley service is known to expose it)")), problems::toString);
    }
}
