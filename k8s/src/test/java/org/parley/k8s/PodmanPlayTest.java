package org.parley.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The rewrite k8s/smoke.sh applies before `podman kube play` changes only what podman needs. */
class PodmanPlayTest {

    private static final int OFFSET = 10000;

    private static List<HasMetadata> rendered() {
        DevKeys.ensure();
        return Manifests.parse(Kustomize.render(Path.of("smoke"))).resources();
    }

    private static List<HasMetadata> rewritten() {
        // Through YAML and back, as smoke.sh feeds it to podman.
        Manifests.Parsed parsed = Manifests.parse(Manifests.write(PodmanPlay.rewrite(rendered(), OFFSET)));
        assertEquals(List.of(), parsed.problems());
        return parsed.resources();
    }

    @Test
    void keepsOnlyKindsPodmanPlaysAndTurnsTheStatefulSetIntoADeploymentWithAClaim() {
        List<HasMetadata> play = rewritten();
        assertEquals(Set.of("ConfigMap", "Deployment", "PersistentVolumeClaim"),
                play.stream().map(HasMetadata::getKind).collect(Collectors.toSet()));
        assertEquals(Set.of("gateway", "actors-service", "events-service", "postgres"),
                Manifests.byName(play, Deployment.class).keySet());
    }

    @Test
    void runsEveryPodOnTheHostNetworkWithShiftedPortsAndNumericProbePorts() {
        for (Deployment d : Manifests.ofKind(rewritten(), Deployment.class)) {
            assertTrue(d.getSpec().getTemplate().getSpec().getHostNetwork(), d.getMetadata().getName());
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                assertTrue(c.getPorts() == null || c.getPorts().isEmpty(), c.getName() + " keeps no port mappings");
                if (c.getReadinessProbe().getHttpGet() != null) {
                    int port = c.getReadinessProbe().getHttpGet().getPort().getIntVal();
                    Map<String, String> env = c.getEnv().stream().filter(e -> e.getValue() != null)
                            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
                    assertEquals(String.valueOf(port), env.get("QUARKUS_HTTP_PORT"));
                    int appPort = Overlay.apps().get(c.getName()).httpPort();
                    assertEquals(appPort + OFFSET, port);
                }
            }
        }
    }

    @Test
    void pointsSettingsThatNameAServiceAtLocalhostWithTheShiftedPort() {
        Map<String, ConfigMap> configMaps = Manifests.byName(rewritten(), ConfigMap.class);
        ConfigMap gateway = configMaps.values().stream().filter(c -> c.getMetadata().getName().startsWith("gateway-config"))
                .findFirst().orElseThrow();
        assertEquals("http://127.0.0.1:18081", gateway.getData().get("QUARKUS_REST_CLIENT_ACTORS_URL"));
        assertEquals("http://127.0.0.1:18082", gateway.getData().get("QUARKUS_REST_CLIENT_EVENTS_URL"));
        ConfigMap actorsDb = configMaps.values().stream().filter(c -> c.getMetadata().getName().startsWith("actors-db-app"))
                .findFirst().orElseThrow();
        assertEquals("jdbc:postgresql://127.0.0.1:15432/actors", actorsDb.getData().get("jdbc-uri"));
        assertEquals("actors", actorsDb.getData().get("username"), "Secret values arrive decoded");
    }

    @Test
    void replacesSecretReferencesAndKeepsImagesSecurityAndResourcesAsRendered() {
        Map<String, Deployment> before = Manifests.byName(rendered(), Deployment.class);
        for (Deployment after : Manifests.ofKind(rewritten(), Deployment.class)) {
            Container c = after.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertTrue(c.getEnv().stream().allMatch(e -> e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null));
            Deployment original = before.get(after.getMetadata().getName());
            if (original == null) {
                continue; // postgres was a StatefulSet
            }
            Container o = original.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(o.getImage(), c.getImage());
            assertTrue(c.getImage().startsWith("localhost/parley/") && c.getImage().endsWith(":smoke"), c.getImage());
            assertEquals(o.getSecurityContext(), c.getSecurityContext());
            assertEquals(o.getResources(), c.getResources());
            assertEquals(original.getSpec().getTemplate().getSpec().getSecurityContext(),
                    after.getSpec().getTemplate().getSpec().getSecurityContext());
        }
    }
}
