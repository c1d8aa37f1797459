package org.parley.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapEnvSource;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Rewrites a rendered overlay so that podman 4.3's {@code kube play} runs it on one machine. The
 * rewrite is deliberately small and each step answers one podman limitation:
 * <ol>
 * <li>podman ignores Services, so every pod runs on the host network, and a setting that names a
 * Service ({@code http://actors-service:8081}) names 127.0.0.1 instead (podman 4.3 drops
 * {@code hostAliases} on the host network);</li>
 * <li>the host network is shared with whatever already listens there (a host PostgreSQL on 5432), so
 * every Service's port moves up by an offset: {@code QUARKUS_HTTP_PORT} for the applications,
 * {@code PGPORT} for PostgreSQL, and the port in those settings;</li>
 * <li>podman turns container ports into port mappings, which it refuses on the host network: the
 * ports go, and probes that named a port get its (shifted) number;</li>
 * <li>podman refuses StatefulSets: each becomes a Deployment whose volume claim templates become
 * PersistentVolumeClaims (podman makes them named volumes);</li>
 * <li>podman mishandles Secret references: each Secret becomes a ConfigMap with the decoded values,
 * and references follow;</li>
 * <li>kinds podman does not play (Service, NetworkPolicy, HPA, PDB, Ingress, CronJob, Job) are dropped
 * (the dev overlay has no Job: its services migrate at start).</li>
 * </ol>
 * Everything else (images, commands, env, probes, security contexts, resources, volumes) is played as
 * rendered. Usage: {@code java … PodmanPlay <offset> < rendered.yaml > play.yaml}
 */
public final class PodmanPlay {

    private PodmanPlay() {
    }

    public static void main(String[] args) throws IOException {
        int offset = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        String rendered = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Manifests.Parsed parsed = Manifests.parse(rendered);
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException("the rendered overlay has problems: " + parsed.problems());
        }
        System.out.print(Manifests.write(rewrite(parsed.resources(), offset)));
    }

    public static List<HasMetadata> rewrite(List<HasMetadata> resources, int offset) {
        // Service name → (port → shifted port), and the container ports behind them.
        Map<String, Map<Integer, Integer>> servicePorts = new LinkedHashMap<>();
        for (Service s : Manifests.ofKind(resources, Service.class)) {
            Map<Integer, Integer> ports = new LinkedHashMap<>();
            for (ServicePort p : s.getSpec().getPorts()) {
                ports.put(p.getPort(), p.getPort() + offset);
            }
            servicePorts.put(s.getMetadata().getName(), ports);
        }

        List<HasMetadata> out = new ArrayList<>();
        for (HasMetadata r : resources) {
            if (r instanceof ConfigMap cm) {
                if (cm.getData() != null) {
                    cm.getData().replaceAll((k, v) -> shiftHostPorts(v, servicePorts));
                }
                out.add(cm);
            } else if (r instanceof Secret secret) {
                out.add(asConfigMap(secret, servicePorts));
            } else if (r instanceof Deployment d) {
                adapt(d.getSpec().getTemplate().getSpec(), offset);
                out.add(d);
            } else if (r instanceof StatefulSet s) {
                Deployment d = new Deployment();
                d.setMetadata(s.getMetadata());
                DeploymentSpec spec = new DeploymentSpec();
                spec.setReplicas(s.getSpec().getReplicas());
                spec.setSelector(s.getSpec().getSelector());
                spec.setTemplate(s.getSpec().getTemplate());
                d.setSpec(spec);
                PodSpec pod = spec.getTemplate().getSpec();
                if (s.getSpec().getVolumeClaimTemplates() != null) {
                    for (PersistentVolumeClaim template : s.getSpec().getVolumeClaimTemplates()) {
                        String claim = template.getMetadata().getName() + "-" + s.getMetadata().getName() + "-0";
                        PersistentVolumeClaim pvc = new PersistentVolumeClaim();
                        pvc.setMetadata(new ObjectMeta());
                        pvc.getMetadata().setName(claim);
                        pvc.setSpec(template.getSpec());
                        out.add(pvc);
                        Volume v = new Volume();
                        v.setName(template.getMetadata().getName());
                        v.setPersistentVolumeClaim(new PersistentVolumeClaimVolumeSource(claim, false));
                        if (pod.getVolumes() == null) {
                            pod.setVolumes(new ArrayList<>());
                        }
                        pod.getVolumes().add(v);
                    }
                }
                adapt(pod, offset);
                out.add(d);
            }
            // Service, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget, Ingress, CronJob, Job: not played.
        }
        return out;
    }

    private static void adapt(PodSpec pod, int offset) {
        pod.setHostNetwork(true);
        if (pod.getVolumes() != null) {
            for (Volume v : pod.getVolumes()) {
                if (v.getSecret() != null) {
                    v.setConfigMap(new ConfigMapVolumeSource(v.getSecret().getDefaultMode(), v.getSecret().getItems(),
                            v.getSecret().getSecretName(), v.getSecret().getOptional()));
                    v.setSecret(null);
                }
            }
        }
        for (Container c : pod.getContainers()) {
            List<EnvVar> env = c.getEnv() == null ? new ArrayList<>() : new ArrayList<>(c.getEnv());
            Map<String, Integer> named = new LinkedHashMap<>();
            for (ContainerPort p : c.getPorts()) {
                int shifted = p.getContainerPort() + offset;
                if ("http".equals(p.getName())) {
                    env.add(new EnvVar("QUARKUS_HTTP_PORT", String.valueOf(shifted), null));
                } else if ("postgres".equals(p.getName())) {
                    env.add(new EnvVar("PGPORT", String.valueOf(shifted), null));
                }
                if (p.getName() != null) {
                    named.put(p.getName(), shifted);
                }
            }
            c.setPorts(null);
            for (Probe probe : java.util.Arrays.asList(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
                if (probe != null && probe.getHttpGet() != null) {
                    IntOrString port = probe.getHttpGet().getPort();
                    probe.getHttpGet().setPort(new IntOrString(port.getIntVal() != null ? port.getIntVal() + offset
                            : named.get(port.getStrVal())));
                }
            }
            for (EnvVar e : env) {
                EnvVarSource from = e.getValueFrom();
                if (from != null && from.getSecretKeyRef() != null) {
                    var ref = from.getSecretKeyRef();
                    from.setConfigMapKeyRef(new ConfigMapKeySelector(ref.getKey(), ref.getName(), ref.getOptional()));
                    from.setSecretKeyRef(null);
                }
            }
            c.setEnv(env);
            if (c.getEnvFrom() != null) {
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getSecretRef() != null) {
                        from.setConfigMapRef(new ConfigMapEnvSource(from.getSecretRef().getName(),
                                from.getSecretRef().getOptional()));
                        from.setSecretRef(null);
                    }
                }
            }
        }
    }

    private static ConfigMap asConfigMap(Secret secret, Map<String, Map<Integer, Integer>> servicePorts) {
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getMimeDecoder().decode(v),
                    StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            data.putAll(secret.getStringData());
        }
        data.replaceAll((k, v) -> shiftHostPorts(v, servicePorts));
        ConfigMap cm = new ConfigMap();
        cm.setMetadata(secret.getMetadata());
        cm.setData(data);
        return cm;
    }

    private static final Pattern HOST_PORT = Pattern.compile("//([a-z0-9-]+):(\\d+)");

    /** {@code //actors-service:8081} → {@code //127.0.0.1:18081}, for Services of this render only. */
    static String shiftHostPorts(String value, Map<String, Map<Integer, Integer>> servicePorts) {
        Matcher m = HOST_PORT.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Map<Integer, Integer> ports = servicePorts.get(m.group(1));
            Integer shifted = ports == null ? null : ports.get(Integer.parseInt(m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement(shifted == null ? m.group()
                    : "//127.0.0.1:" + shifted));
        }
        m.appendTail(out);
        return out.toString();
    }
}
