package org.parley.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.k8s.NetworkPolicies.Peer;

/**
 * Each check fails on a deliberately broken manifest: the dev overlay with one mistake patched in
 * (src/test/kustomize/broken/*). Without this, a check that can never fail would pass unnoticed.
 */
class BrokenManifestsTest {

    static Stream<Arguments> brokenFixtures() {
        return Stream.of(
                broken("wrong-target-port", o -> o.checks().ports(),
                        "Service actors-service port 8081: targetPort 8085 is not a container port"),
                broken("app-port-mismatch", o -> o.checks().ports(),
                        "container port http is 8085 but actors-service listens on 8081"),
                broken("selector-mismatch", o -> o.checks().selectors(),
                        "Service events-service: selector {app.kubernetes.io/name=event-service} matches no pods"),
                broken("unknown-field", Overlay::parseProblems,
                        "Deployment gateway: unknown field spec.template.spec.containers[0].readinesProbe"),
                broken("missing-secret-key", o -> o.checks().references(),
                        "env QUARKUS_DATASOURCE_JDBC_URL refers to key jdbc-url of Secret actors-db-app"),
                broken("misspelt-setting", o -> o.checks().applicationSettings(),
                        "sets QUARKUS_REST_CLIENT_ACTOR_URL"),
                broken("lockdown-override", o -> o.checks().applicationSettings(),
                        "sets QUARKUS_SMALLRYE_GRAPHQL_SCHEMA_AVAILABLE, overriding gateway's %prod."
                                + "quarkus.smallrye-graphql.schema-available"),
                broken("missing-setting", o -> o.checks().applicationSettings(),
                        "quarkus.datasource.password"),
                broken("wrong-service-url", o -> o.checks().serviceUrls(),
                        "QUARKUS_REST_CLIENT_EVENTS_URL=http://events-service:8081 uses port 8081, but Service"
                                + " events-service exposes [8082]"),
                broken("latest-image", o -> o.checks().images(), "image parley/gateway:latest is :latest"),
                broken("open-network-policy",
                        o -> NetworkExpectations.problems(o, Peer.pod(o.workload("postgres"))),
                        "a pod in namespace ingress-nginx → Deployment actors-service:8081 should be denied but is allowed"),
                broken("privilege-escalation", o -> o.checks().security(),
                        "Deployment gateway container gateway: securityContext.allowPrivilegeEscalation must be false"),
                broken("pdb-blocks-drains", o -> o.checks().selectors(),
                        "minAvailable 1 with 1 replica(s) of Deployment gateway blocks every node drain"),
                broken("importer-writable-root", o -> o.checks().security(),
                        "CronJob importer container importer: securityContext.readOnlyRootFilesystem must be true"),
                broken("importer-misspelt-setting", o -> o.checks().applicationSettings(),
                        "CronJob importer container importer: sets PARLEY_ACTOR_URL"));
    }

    private static Arguments broken(String fixture, Function<Overlay, List<String>> check, String expected) {
        return Arguments.of(fixture, check, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFixtures")
    void reportsTheMistakeInABrokenManifest(String fixture, Function<Overlay, List<String>> check, String expected) {
        List<String> problems = check.apply(Overlay.render("src/test/kustomize/broken/" + fixture));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing «" + expected + "», got " + problems);
    }

    @Test
    void failsWithAClearMessageWhenKubectlIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kustomize.render(Path.of("overlays/dev"), "kubectl-not-installed-here"));
        assertTrue(e.getMessage().startsWith("kubectl-not-installed-here is not installed (or not on the PATH)"),
                e.getMessage());
    }

    @Test
    void reportsADocumentOfAnUnknownKind() {
        Manifests.Parsed parsed = Manifests.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: stray}
                spec: {containers: []}
                """);
        assertEquals(1, parsed.problems().size());
        assertTrue(parsed.problems().get(0).startsWith("v1/Pod stray: not a kind these manifests may use"));
    }

    @Test
    void reportsAnUnknownFieldInTheCloudNativePgCluster() {
        Manifests.Parsed parsed = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: actors-db}
                spec: {instances: 2, storage: {size: 1Gi}, instance: 3}
                """);
        assertTrue(parsed.problems().get(0).startsWith("postgresql.cnpg.io/v1/Cluster actors-db: does not parse"),
                parsed.problems().toString());
    }
}
