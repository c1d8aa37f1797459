package org.parley.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.k8s.NetworkPolicies.Peer;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Renders every overlay with `kubectl kustomize` and checks the result on typed objects. */
class OverlaysTest {

    static final String DEV = "overlays/dev";
    static final String PROD = "overlays/prod";
    /** prod with the optional CloudNativePG component (a test-only kustomization). */
    static final String PROD_CNPG = "src/test/kustomize/prod-cloudnative-pg";
    /** prod with the optional monitoring component (a test-only kustomization). */
    static final String PROD_MONITORING = "src/test/kustomize/prod-monitoring";

    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    static Overlay overlay(String dir) {
        return RENDERED.computeIfAbsent(dir, Overlay::render);
    }

    static Stream<String> overlays() {
        return Stream.of(DEV, PROD, PROD_CNPG, PROD_MONITORING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersOnlyKnownKindsWithoutUnknownFields(String dir) {
        Overlay o = overlay(dir);
        assertEquals(List.of(), o.parseProblems());
        assertFalse(o.resources().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersEachServiceAsDeploymentAndService(String dir) {
        Overlay o = overlay(dir);
        for (String app : Overlay.APPS) {
            assertTrue(o.workload(app).resource() instanceof Deployment, app + " is a Deployment");
            assertNotNull(Manifests.byName(o.resources(), Service.class).get(app), app + " has a Service");
            assertEquals(app, o.workload(app).containers().get(0).getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void runsTheImporterAsACronJobFollowingGdeltOneRoundAtATime(String dir) {
        Overlay o = overlay(dir);
        CronJob importer = Manifests.byName(o.resources(), CronJob.class).get("importer");
        assertNotNull(importer, dir + " renders the importer's CronJob");
        assertEquals("*/15 * * * *", importer.getSpec().getSchedule());
        assertEquals("Forbid", importer.getSpec().getConcurrencyPolicy());
        Container c = o.workload("importer").containers().get(0);
        assertEquals("importer", c.getName());
        assertTrue(c.getArgs().containsAll(List.of("--follow", "--once")), c.getArgs().toString());
        assertEquals("Never", importer.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getRestartPolicy());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void hardensEveryPodWithProbesResourcesAndGracefulShutdown(String dir) {
        assertEquals(List.of(), overlay(dir).checks().security());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void selectorsMatchPodLabels(String dir) {
        assertEquals(List.of(), overlay(dir).checks().selectors());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicePortsAndProbesMatchContainerPortsAndTheApplicationsHttpPorts(String dir) {
        assertEquals(List.of(), overlay(dir).checks().ports());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigMapSecretAndVolumeReferenceResolves(String dir) {
        assertEquals(List.of(), overlay(dir).checks().references());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void givesEachApplicationEverySettingItNeedsAndNoneItIgnores(String dir) {
        assertEquals(List.of(), overlay(dir).checks().applicationSettings());
    }

    /** The settings the issue names, whatever application.properties says today. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void providesTheDatasourceRestClientAndJwtSettings(String dir) {
        Overlay o = overlay(dir);
        Map<String, Set<String>> expected = Map.of(
                "gateway", Set.of("QUARKUS_REST_CLIENT_ACTORS_URL", "QUARKUS_REST_CLIENT_EVENTS_URL",
                        "MP_JWT_VERIFY_PUBLICKEY"),
                "actors-service", Set.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY"),
                "events-service", Set.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY"),
                "importer", Set.of("PARLEY_TOKEN"));
        expected.forEach((app, names) -> {
            Workload w = o.workload(app);
            Set<String> given = o.checks().environment(w, w.containers().get(0)).keySet();
            assertTrue(given.containsAll(names), app + " gets " + given + ", needs " + names);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void urlsOfClusterServicesNameAnExistingServiceAndPort(String dir) {
        assertEquals(List.of(), overlay(dir).checks().serviceUrls());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void pinsEveryImageToATagThatIsNotLatest(String dir) {
        assertEquals(List.of(), overlay(dir).checks().images());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void runsTheGatewayInTheLockedDownProdProfile(String dir) {
        Overlay o = overlay(dir);
        Workload gateway = o.workload("gateway");
        var env = o.checks().environment(gateway, gateway.containers().get(0));
        assertEquals("prod", env.get("QUARKUS_PROFILE").value());
        // The lock-down itself (no introspection/schema/UI, limits) is the gateway's %prod profile, tested
        // in the gateway; here: it exists, and no setting from the manifests overrides any part of it.
        Set<String> lockDown = Overlay.apps().get("gateway").prodOnlyKeys();
        assertTrue(lockDown.stream().anyMatch(k -> k.startsWith("quarkus.smallrye-graphql.")), lockDown.toString());
        for (String key : lockDown) {
            assertFalse(env.containsKey(AppConfig.envName(key)), AppConfig.envName(key)
                    + " from the manifests would override the gateway's prod lock-down");
        }
    }

    // --- dev ---------------------------------------------------------------------------------------

    @Test
    void devRunsOneReplicaEachAndPostgresOnAPersistentVolume() {
        Overlay o = overlay(DEV);
        Overlay.APPS.forEach(app -> assertEquals(1, o.workload(app).replicas(), app));
        StatefulSet postgres = Manifests.byName(o.resources(), StatefulSet.class).get("postgres");
        assertNotNull(postgres, "dev runs PostgreSQL in the cluster");
        assertEquals(List.of("data"), postgres.getSpec().getVolumeClaimTemplates().stream()
                .map(t -> t.getMetadata().getName()).toList());
        Container container = postgres.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getName().equals("data")
                && m.getMountPath().equals("/var/lib/postgresql/data")));
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath()
                .equals("/docker-entrypoint-initdb.d")), "the init script creates both databases");
    }

    @Test
    void devInitScriptCreatesBothDatabasesWithTheSecretsCredentials() throws IOException {
        String script = Files.readString(Path.of("overlays/dev/create-databases.sh"));
        assertTrue(script.contains("create \"$ACTORS_DB_USERNAME\" \"$ACTORS_DB_PASSWORD\" actors"));
        assertTrue(script.contains("create \"$EVENTS_DB_USERNAME\" \"$EVENTS_DB_PASSWORD\" events"));
        Overlay o = overlay(DEV);
        Map<String, String> actorsDb = decoded(Manifests.ofKind(o.resources(), Secret.class).stream()
                .filter(s -> s.getMetadata().getName().startsWith("actors-db-app")).findFirst().orElseThrow());
        assertTrue(actorsDb.get("uri").endsWith("/actors") && actorsDb.get("jdbc-uri").endsWith("/actors"));
    }

    /** The packaged images refuse the committed dev key: the dev overlay's key is one generated for it. */
    @Test
    void devJwtKeyIsGeneratedNotTheCommittedDevKey() throws IOException {
        Overlay o = overlay(DEV);
        Map<String, String> jwt = decoded(Manifests.ofKind(o.resources(), Secret.class).stream()
                .filter(s -> s.getMetadata().getName().startsWith("parley-jwt")).findFirst().orElseThrow());
        assertTrue(jwt.get("publicKey").contains("BEGIN PUBLIC KEY"), jwt.get("publicKey"));
        assertNotEquals(Files.readString(Path.of("../gateway/dev-only-jwt/publicKey.pem")).strip(),
                jwt.get("publicKey").strip());
        assertEquals(Files.readString(Path.of("overlays/dev/jwt/publicKey.pem")), jwt.get("publicKey"));
    }

    @Test
    void devNetworkPoliciesLetOnlyTheServicesReachPostgres() {
        Overlay o = overlay(DEV);
        assertEquals(List.of(), NetworkExpectations.problems(o, Peer.pod(o.workload("postgres"))));
    }

    // --- prod --------------------------------------------------------------------------------------

    @Test
    void prodRunsAtLeastTwoReplicasWithAutoscalingAndDisruptionBudgets() {
        Overlay o = overlay(PROD);
        for (String app : Overlay.APPS) {
            Workload w = o.workload(app);
            assertTrue(w.replicas() >= 2, app + " replicas " + w.replicas());
            HorizontalPodAutoscaler hpa = o.ofKind(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(app)).findFirst()
                    .orElseThrow(() -> new AssertionError("no HPA for " + app));
            assertTrue(hpa.getSpec().getMinReplicas() >= 2 && hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
            assertTrue(o.ofKind(PodDisruptionBudget.class).stream()
                    .anyMatch(p -> Selectors.matches(p.getSpec().getSelector(), w.podLabels())), "no PDB for " + app);
        }
        assertTrue(Manifests.ofKind(o.resources(), StatefulSet.class).isEmpty(), "prod runs no database itself");
    }

    @Test
    void prodExposesOnlyTheGatewayThroughTheIngress() {
        List<Ingress> ingresses = overlay(PROD).ofKind(Ingress.class);
        assertEquals(1, ingresses.size());
        assertEquals(List.of("gateway"), ingresses.get(0).getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream()).map(p -> p.getBackend().getService().getName())
                .distinct().toList());
    }

    @Test
    void prodRoutesTheWebAppAndGraphqlToTheGatewayButNotItsManagementPaths() {
        Ingress ingress = overlay(PROD).ofKind(Ingress.class).get(0);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream()).toList();
        // What a browser asks for: the page, a reload of each view (the gateway's WebAppRoute.APP_ROUTES), the
        // hashed files, GraphQL over HTTP and WebSocket, the event downloads (gateway: export/ExportRoute).
        for (String path : List.of("/", "/index.html", "/events", "/dyad", "/actors/00000000-0000-4000-8000-00000000a001",
                "/map", "/live", "/record", "/assets/index-Ab12Cd34.js", "/graphql", "/export/events.csv",
                "/export/events.geojson")) {
            assertTrue(paths.stream().anyMatch(p -> routes(p, path)), path + " is not routed by the Ingress");
        }
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/graphql-ui/", "/examples", "/dev/token",
                "/eventsx", "/graphql-ui", "/exports")) {
            assertFalse(paths.stream().anyMatch(p -> routes(p, path)), path + " must stay inside the cluster");
        }
    }

    @Test
    void prodIngressPassesTheGatewaysCachingHeadersThrough() {
        // The gateway sets Cache-Control (assets immutable, index.html no-cache); ingress-nginx passes upstream
        // headers through unless told otherwise: no rewrite, no header or configuration snippets. Buffering is off so
        // an export streams at the reader's pace (and a cut-off one reaches the client cut off).
        Ingress ingress = overlay(PROD).ofKind(Ingress.class).get(0);
        Set<String> annotations = ingress.getMetadata().getAnnotations().keySet();
        assertEquals(Set.of("nginx.ingress.kubernetes.io/proxy-read-timeout", "nginx.ingress.kubernetes.io/proxy-send-timeout",
                "nginx.ingress.kubernetes.io/proxy-buffering"), annotations, "an annotation that may change the gateway's answers (rewrite, snippets, headers)");
    }

    @Test
    void prodListsTheIngressOriginForTheWebApp() {
        // Behind the TLS-ending Ingress the page's https origin is not the gateway's own (ProdLockdownTest).
        Ingress ingress = overlay(PROD).ofKind(Ingress.class).get(0);
        String origins = overlay(PROD).ofKind(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("gateway-config"))
                .map(c -> c.getData().getOrDefault("PARLEY_CORS_ORIGINS", "")).findFirst().orElse("");
        for (var tls : ingress.getSpec().getTls()) {
            for (String host : tls.getHosts()) {
                assertTrue(List.of(origins.split(",")).contains("https://" + host),
                        "PARLEY_CORS_ORIGINS (" + origins + ") lacks the Ingress host https://" + host);
            }
        }
    }

    /** Kubernetes' path matching: Exact is the path itself, Prefix matches whole path elements. */
    static boolean routes(HTTPIngressPath rule, String path) {
        String p = rule.getPath();
        return switch (rule.getPathType()) {
            case "Exact" -> path.equals(p);
            case "Prefix" -> p.equals("/") || path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/");
            default -> throw new AssertionError("pathType " + rule.getPathType() + " of " + p + " is implementation-specific");
        };
    }

    @Test
    void prodNetworkPoliciesLetOnlyTheGatewayReachTheServicesAndOnlyTheServicesReachPostgres() {
        assertEquals(List.of(), NetworkExpectations.problems(overlay(PROD),
                Peer.outsideCluster("an external PostgreSQL")));
    }

    @Test
    void prodWithCloudNativePgLetsEachServiceReachOnlyItsOwnCluster() {
        Overlay o = overlay(PROD_CNPG);
        String ns = o.workload("gateway").namespace();
        Peer actorsDb = Peer.podIn(ns, Map.of("cnpg.io/cluster", "actors-db"));
        Peer eventsDb = Peer.podIn(ns, Map.of("cnpg.io/cluster", "events-db"));
        assertEquals(List.of(), NetworkExpectations.problems(o, actorsDb, eventsDb));
        NetworkPolicies policies = new NetworkPolicies(o.resources());
        assertFalse(policies.allows(Peer.pod(o.workload("events-service")), actorsDb, 5432));
        assertFalse(policies.allows(Peer.pod(o.workload("actors-service")), eventsDb, 5432));
        assertTrue(policies.allows(Peer.pod(o.workload("events-service")), eventsDb, 5432));
        assertTrue(policies.allows(Peer.podIn("cnpg-system", Map.of()), eventsDb, 8000), "the operator reaches it");
        assertEquals(List.of("actors-db", "events-db"), o.ofKind(CnpgCluster.class).stream()
                .map(c -> c.getMetadata().getName()).sorted().toList());
    }

    @Test
    void prodDocumentsEverySecretItNeedsAsAKubectlCommand() {
        Map<String, Set<String>> documented = Overlay.documentedSecrets();
        assertEquals(Set.of("uri", "jdbc-uri", "username", "password"), documented.get("actors-db-app"));
        assertEquals(Set.of("uri", "jdbc-uri", "username", "password"), documented.get("events-db-app"));
        assertEquals(Set.of("publicKey"), documented.get("parley-jwt"));
        assertEquals(Set.of("token"), documented.get("importer-token"));
        assertTrue(overlay(PROD).ofKind(Secret.class).isEmpty(), "prod commits no Secret");
    }

    private static Map<String, String> decoded(Secret s) {
        Map<String, String> values = new java.util.HashMap<>();
        s.getData().forEach((k, v) -> values.put(k, new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8)));
        return values;
    }
}
