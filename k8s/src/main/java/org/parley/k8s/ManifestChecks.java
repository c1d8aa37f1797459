package org.parley.k8s;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The offline checks on one rendered overlay. Each method returns the problems it finds (empty when all
 * is well), phrased for a person who has to fix the manifest; the tests assert on them, and feed broken
 * fixtures to prove that each check can fail.
 */
public final class ManifestChecks {

    /**
     * Settings the manifests may give although no application.properties names them: Quarkus core
     * runtime keys, and SmallRye JWT's public key for an application that configures mp.jwt.
     */
    static final Map<String, String> OTHER_SETTINGS = Map.of(
            "QUARKUS_PROFILE", "quarkus.",
            "QUARKUS_SHUTDOWN_TIMEOUT", "quarkus.",
            "MP_JWT_VERIFY_PUBLICKEY", "mp.jwt.",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "mp.jwt.");

    private final List<HasMetadata> resources;
    private final List<Workload> workloads;
    private final Map<String, AppConfig> apps;
    private final Map<String, Set<String>> externalSecrets;
    private final Map<String, ConfigMap> configMaps;
    private final Map<String, Secret> secrets;
    private final Map<String, Service> services;

    /**
     * @param apps            the applications by container name
     * @param externalSecrets Secrets that exist in the cluster but not in the render (created by hand,
     *                        as k8s/README.md documents), name → keys. Secrets an operator creates for a
     *                        CloudNativePG Cluster in the render are added here automatically.
     */
    public ManifestChecks(List<HasMetadata> resources, Map<String, AppConfig> apps,
            Map<String, Set<String>> externalSecrets) {
        this.resources = resources;
        this.workloads = Workload.all(resources);
        this.apps = apps;
        this.externalSecrets = new HashMap<>(externalSecrets);
        Manifests.ofKind(resources, CnpgCluster.class).forEach(c -> this.externalSecrets.put(c.appSecretName(),
                Set.copyOf(CnpgCluster.APP_SECRET_KEYS)));
        this.configMaps = Manifests.byName(resources, ConfigMap.class);
        this.secrets = Manifests.byName(resources, Secret.class);
        this.services = Manifests.byName(resources, Service.class);
    }

    public List<String> all() {
        return Stream.of(security(), selectors(), ports(), references(), applicationSettings(), serviceUrls(),
                images()).flatMap(List::stream).toList();
    }

    public List<Workload> workloads() {
        return workloads;
    }

    // --- pods: hardening, resources, probes, shutdown --------------------------------------------

    public List<String> security() {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads) {
            PodSecurityContext pod = w.template().getSpec().getSecurityContext();
            if (pod == null || !Boolean.TRUE.equals(pod.getRunAsNonRoot())) {
                problems.add(w.describe() + ": pod securityContext.runAsNonRoot must be true");
            }
            if (w.template().getSpec().getTerminationGracePeriodSeconds() == null) {
                problems.add(w.describe() + ": terminationGracePeriodSeconds must be set (graceful shutdown)");
            }
            for (Container c : w.allContainers()) {
                String where = w.describe() + " container " + c.getName();
                SecurityContext sc = c.getSecurityContext();
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(where + ": securityContext.allowPrivilegeEscalation must be false");
                }
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(where + ": securityContext.readOnlyRootFilesystem must be true");
                }
                if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
                    problems.add(where + ": must not be privileged");
                }
                if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(where + ": securityContext.capabilities.drop must contain ALL");
                }
                ResourceRequirements r = c.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    if (r == null || r.getRequests() == null || !r.getRequests().containsKey(resource)) {
                        problems.add(where + ": resources.requests." + resource + " must be set");
                    }
                }
                if (r == null || r.getLimits() == null || !r.getLimits().containsKey("memory")) {
                    problems.add(where + ": resources.limits.memory must be set");
                }
                if (r != null && r.getRequests() != null && r.getLimits() != null) {
                    for (String resource : List.of("cpu", "memory")) {
                        Quantity request = r.getRequests().get(resource);
                        Quantity limit = r.getLimits().get(resource);
                        if (request != null && limit != null
                                && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                            problems.add(where + ": " + resource + " request exceeds its limit");
                        }
                    }
                }
                boolean init = w.template().getSpec().getInitContainers() != null
                        && w.template().getSpec().getInitContainers().contains(c);
                if (!init && !w.runsToCompletion() && (c.getStartupProbe() == null || c.getLivenessProbe() == null
                        || c.getReadinessProbe() == null)) {
                    problems.add(where + ": needs startup, liveness and readiness probes");
                }
                if (apps.containsKey(c.getName()) && !w.runsToCompletion() && (c.getLifecycle() == null || c.getLifecycle().getPreStop() == null)) {
                    problems.add(where + ": needs a preStop pause so endpoints drain before shutdown");
                }
            }
        }
        return problems;
    }

    // --- selectors -----------------------------------------------------------------------------

    public List<String> selectors() {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads) {
            if (w.runsToCompletion()) {
                continue; // a CronJob makes its Jobs' pods itself; nothing selects them
            }
            if (Selectors.isEmpty(w.selector())) {
                problems.add(w.describe() + ": spec.selector is empty");
            } else if (!Selectors.matches(w.selector(), w.podLabels())) {
                problems.add(w.describe() + ": spec.selector " + w.selector().getMatchLabels()
                        + " does not match its pod labels " + w.podLabels());
            }
        }
        for (Service s : services.values()) {
            Map<String, String> selector = s.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                problems.add("Service " + name(s) + ": has no selector");
            } else if (selectedBy(s).isEmpty()) {
                problems.add("Service " + name(s) + ": selector " + selector + " matches no pods");
            }
        }
        for (PodDisruptionBudget pdb : Manifests.ofKind(resources, PodDisruptionBudget.class)) {
            List<Workload> selected = workloads.stream()
                    .filter(w -> Selectors.matches(pdb.getSpec().getSelector(), w.podLabels())).toList();
            if (selected.isEmpty()) {
                problems.add("PodDisruptionBudget " + name(pdb) + ": selects no pods");
            }
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            for (Workload w : selected) {
                int replicas = minimumReplicas(w);
                if (minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= replicas) {
                    problems.add("PodDisruptionBudget " + name(pdb) + ": minAvailable " + minAvailable.getIntVal()
                            + " with " + replicas + " replica(s) of " + w.describe() + " blocks every node drain");
                }
            }
        }
        for (HorizontalPodAutoscaler hpa : Manifests.ofKind(resources, HorizontalPodAutoscaler.class)) {
            var ref = hpa.getSpec().getScaleTargetRef();
            Optional<Workload> target = workloads.stream()
                    .filter(w -> w.resource().getKind().equals(ref.getKind()) && w.name().equals(ref.getName()))
                    .findFirst();
            if (target.isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + name(hpa) + ": target " + ref.getKind() + " "
                        + ref.getName() + " does not exist");
                continue;
            }
            for (MetricSpec metric : hpa.getSpec().getMetrics()) {
                if (metric.getResource() != null && "Utilization".equals(metric.getResource().getTarget().getType())) {
                    String resource = metric.getResource().getName();
                    for (Container c : target.get().containers()) {
                        if (c.getResources() == null || c.getResources().getRequests() == null
                                || !c.getResources().getRequests().containsKey(resource)) {
                            problems.add("HorizontalPodAutoscaler " + name(hpa) + ": scales on " + resource
                                    + " utilization but container " + c.getName() + " requests no " + resource);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The replicas a workload never goes below: its HPA's minReplicas, else spec.replicas (default 1). */
    public int minimumReplicas(Workload w) {
        return Manifests.ofKind(resources, HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(w.name()))
                .map(h -> h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas())
                .findFirst().orElse(w.replicas() == null ? 1 : w.replicas());
    }

    public List<Workload> selectedBy(Service s) {
        return workloads.stream().filter(w -> Selectors.matches(s.getSpec().getSelector(), w.podLabels())).toList();
    }

    // --- ports ---------------------------------------------------------------------------------

    public List<String> ports() {
        List<String> problems = new ArrayList<>();
        for (Service s : services.values()) {
            for (ServicePort sp : s.getSpec().getPorts()) {
                IntOrString target = sp.getTargetPort() == null ? new IntOrString(sp.getPort()) : sp.getTargetPort();
                for (Workload w : selectedBy(s)) {
                    if (resolve(w.containers(), target).isEmpty()) {
                        problems.add("Service " + name(s) + " port " + sp.getPort() + ": targetPort " + show(target)
                                + " is not a container port of " + w.describe() + " " + containerPorts(w));
                    }
                }
            }
        }
        for (Workload w : workloads) {
            for (Container c : w.containers()) {
                String where = w.describe() + " container " + c.getName();
                Map<String, Probe> probes = new LinkedHashMap<>();
                probes.put("startupProbe", c.getStartupProbe());
                probes.put("livenessProbe", c.getLivenessProbe());
                probes.put("readinessProbe", c.getReadinessProbe());
                // A job's application (the importer) listens on nothing: its port and probes do not apply.
                AppConfig app = w.runsToCompletion() ? null : apps.get(c.getName());
                Integer appPort = app == null ? null : effectiveHttpPort(w, c, app);
                if (app != null) {
                    Optional<ContainerPort> http = ports(c).stream().filter(p -> "http".equals(p.getName())).findFirst();
                    if (http.isEmpty()) {
                        problems.add(where + ": has no container port named http");
                    } else if (!http.get().getContainerPort().equals(appPort)) {
                        problems.add(where + ": container port http is " + http.get().getContainerPort() + " but "
                                + app.name() + " listens on " + appPort + " (quarkus.http.port in " + app.file() + ")");
                    }
                }
                probes.forEach((kind, probe) -> {
                    if (probe == null) {
                        return;
                    }
                    IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                            : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
                    if (port == null) {
                        return;
                    }
                    Optional<ContainerPort> resolved = resolve(List.of(c), port);
                    if (resolved.isEmpty()) {
                        problems.add(where + ": " + kind + " port " + show(port) + " is not one of its container ports "
                                + containerPorts(w));
                    } else if (app != null && !resolved.get().getContainerPort().equals(appPort)) {
                        problems.add(where + ": " + kind + " probes port " + resolved.get().getContainerPort()
                                + " but " + app.name() + " listens on " + appPort);
                    }
                    if (app != null) {
                        String expected = switch (kind) {
                            case "startupProbe" -> "/q/health/started";
                            case "livenessProbe" -> "/q/health/live";
                            default -> "/q/health/ready";
                        };
                        String path = probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
                        if (!expected.equals(path)) {
                            problems.add(where + ": " + kind + " must GET " + expected + ", not " + path);
                        }
                    }
                });
            }
        }
        for (Ingress ingress : Manifests.ofKind(resources, Ingress.class)) {
            List<IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend());
            }
            ingress.getSpec().getRules().stream().filter(r -> r.getHttp() != null)
                    .flatMap(r -> r.getHttp().getPaths().stream()).forEach(p -> backends.add(p.getBackend()));
            for (IngressBackend b : backends) {
                Service s = services.get(b.getService().getName());
                if (s == null) {
                    problems.add("Ingress " + name(ingress) + ": backend Service " + b.getService().getName()
                            + " does not exist");
                } else if (s.getSpec().getPorts().stream().noneMatch(p -> Objects.equals(p.getName(),
                        b.getService().getPort().getName()) && b.getService().getPort().getName() != null
                        || Objects.equals(p.getPort(), b.getService().getPort().getNumber()))) {
                    problems.add("Ingress " + name(ingress) + ": Service " + name(s) + " has no port "
                            + b.getService().getPort());
                }
            }
        }
        return problems;
    }

    /** The port the application listens on in this container: QUARKUS_HTTP_PORT if set, else its config. */
    private Integer effectiveHttpPort(Workload w, Container c, AppConfig app) {
        String override = environment(w, c).getOrDefault("QUARKUS_HTTP_PORT", Setting.UNKNOWN).value();
        return override != null ? Integer.valueOf(override.trim()) : app.httpPort();
    }

    private static Optional<ContainerPort> resolve(List<Container> containers, IntOrString port) {
        return containers.stream().flatMap(c -> ports(c).stream())
                .filter(p -> port.getIntVal() != null ? p.getContainerPort().equals(port.getIntVal())
                        : port.getStrVal().equals(p.getName()))
                .findFirst();
    }

    private static List<ContainerPort> ports(Container c) {
        return c.getPorts() == null ? List.of() : c.getPorts();
    }

    private static String containerPorts(Workload w) {
        return w.containers().stream().flatMap(c -> ports(c).stream())
                .map(p -> p.getName() + "=" + p.getContainerPort()).toList().toString();
    }

    private static String show(IntOrString v) {
        return v.getIntVal() != null ? v.getIntVal().toString() : "'" + v.getStrVal() + "'";
    }

    // --- references: ConfigMaps, Secrets, volumes ------------------------------------------------

    public List<String> references() {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads) {
            List<Volume> volumes = w.template().getSpec().getVolumes() == null ? List.of()
                    : w.template().getSpec().getVolumes();
            Set<String> volumeNames = new TreeSet<>();
            volumes.forEach(v -> volumeNames.add(v.getName()));
            w.claimTemplates().forEach(t -> volumeNames.add(t.getMetadata().getName()));
            for (Volume v : volumes) {
                String where = w.describe() + " volume " + v.getName();
                if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())) {
                    ConfigMap cm = configMaps.get(v.getConfigMap().getName());
                    if (cm == null) {
                        problems.add(where + ": ConfigMap " + v.getConfigMap().getName() + " does not exist");
                    } else if (v.getConfigMap().getItems() != null) {
                        v.getConfigMap().getItems().stream().filter(i -> !keys(cm).contains(i.getKey()))
                                .forEach(i -> problems.add(where + ": ConfigMap " + name(cm) + " has no key " + i.getKey()));
                    }
                }
                if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())
                        && secretKeys(v.getSecret().getSecretName()) == null) {
                    problems.add(where + ": Secret " + v.getSecret().getSecretName() + " does not exist");
                }
                if (v.getPersistentVolumeClaim() != null && Manifests.byName(resources, PersistentVolumeClaim.class)
                        .get(v.getPersistentVolumeClaim().getClaimName()) == null) {
                    problems.add(where + ": PersistentVolumeClaim " + v.getPersistentVolumeClaim().getClaimName()
                            + " does not exist");
                }
            }
            for (Container c : w.allContainers()) {
                String where = w.describe() + " container " + c.getName();
                if (c.getVolumeMounts() != null) {
                    for (VolumeMount m : c.getVolumeMounts()) {
                        if (!volumeNames.contains(m.getName())) {
                            problems.add(where + ": mounts volume " + m.getName() + ", which the pod does not have");
                        }
                    }
                }
                if (c.getEnvFrom() != null) {
                    for (EnvFromSource from : c.getEnvFrom()) {
                        if (from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())
                                && !configMaps.containsKey(from.getConfigMapRef().getName())) {
                            problems.add(where + ": envFrom ConfigMap " + from.getConfigMapRef().getName()
                                    + " does not exist");
                        }
                        if (from.getSecretRef() != null && !Boolean.TRUE.equals(from.getSecretRef().getOptional())
                                && secretKeys(from.getSecretRef().getName()) == null) {
                            problems.add(where + ": envFrom Secret " + from.getSecretRef().getName() + " does not exist");
                        }
                    }
                }
                if (c.getEnv() != null) {
                    for (EnvVar e : c.getEnv()) {
                        if (e.getValueFrom() == null) {
                            continue;
                        }
                        var cmRef = e.getValueFrom().getConfigMapKeyRef();
                        if (cmRef != null && !Boolean.TRUE.equals(cmRef.getOptional())) {
                            ConfigMap cm = configMaps.get(cmRef.getName());
                            if (cm == null) {
                                problems.add(where + ": env " + e.getName() + " refers to ConfigMap " + cmRef.getName()
                                        + ", which does not exist");
                            } else if (!keys(cm).contains(cmRef.getKey())) {
                                problems.add(where + ": env " + e.getName() + " refers to key " + cmRef.getKey()
                                        + " of ConfigMap " + cmRef.getName() + ", which has only " + keys(cm));
                            }
                        }
                        var secretRef = e.getValueFrom().getSecretKeyRef();
                        if (secretRef != null && !Boolean.TRUE.equals(secretRef.getOptional())) {
                            Set<String> keys = secretKeys(secretRef.getName());
                            if (keys == null) {
                                problems.add(where + ": env " + e.getName() + " refers to Secret " + secretRef.getName()
                                        + ", which is neither rendered nor documented as created by hand");
                            } else if (!keys.contains(secretRef.getKey())) {
                                problems.add(where + ": env " + e.getName() + " refers to key " + secretRef.getKey()
                                        + " of Secret " + secretRef.getName() + ", which has only " + new TreeSet<>(keys));
                            }
                        }
                    }
                }
            }
        }
        for (Ingress ingress : Manifests.ofKind(resources, Ingress.class)) {
            if (ingress.getSpec().getTls() != null) {
                for (IngressTLS tls : ingress.getSpec().getTls()) {
                    Set<String> keys = secretKeys(tls.getSecretName());
                    if (keys == null || !keys.containsAll(List.of("tls.crt", "tls.key"))) {
                        problems.add("Ingress " + name(ingress) + ": TLS Secret " + tls.getSecretName()
                                + " with tls.crt and tls.key is neither rendered nor documented");
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> keys(ConfigMap cm) {
        Set<String> keys = new TreeSet<>();
        if (cm.getData() != null) {
            keys.addAll(cm.getData().keySet());
        }
        if (cm.getBinaryData() != null) {
            keys.addAll(cm.getBinaryData().keySet());
        }
        return keys;
    }

    /** The keys of a Secret in the render or created outside it; null when neither. */
    private Set<String> secretKeys(String name) {
        Secret s = secrets.get(name);
        if (s != null) {
            Set<String> keys = new TreeSet<>();
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            return keys;
        }
        return externalSecrets.get(name);
    }

    // --- what the applications read --------------------------------------------------------------

    /** One environment variable as a container gets it; value null when it is only known at run time. */
    public record Setting(String source, String value) {
        static final Setting UNKNOWN = new Setting("unknown", null);
    }

    /** The environment a container starts with (envFrom first, env entries override). */
    public Map<String, Setting> environment(Workload w, Container c) {
        Map<String, Setting> env = new LinkedHashMap<>();
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                if (from.getConfigMapRef() != null) {
                    ConfigMap cm = configMaps.get(from.getConfigMapRef().getName());
                    if (cm != null && cm.getData() != null) {
                        cm.getData().forEach((k, v) -> env.put(prefix + k, new Setting("ConfigMap " + name(cm), v)));
                    }
                }
                if (from.getSecretRef() != null) {
                    String secret = from.getSecretRef().getName();
                    Map<String, String> values = secretValues(secret);
                    Set<String> keys = secretKeys(secret);
                    if (keys != null) {
                        keys.forEach(k -> env.put(prefix + k, new Setting("Secret " + secret, values.get(k))));
                    }
                }
            }
        }
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) {
                if (e.getValueFrom() == null) {
                    env.put(e.getName(), new Setting("env", e.getValue() == null ? "" : e.getValue()));
                } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                    ConfigMap cm = configMaps.get(e.getValueFrom().getConfigMapKeyRef().getName());
                    String value = cm == null || cm.getData() == null ? null
                            : cm.getData().get(e.getValueFrom().getConfigMapKeyRef().getKey());
                    if (value != null) {
                        env.put(e.getName(), new Setting("ConfigMap " + name(cm), value));
                    }
                } else if (e.getValueFrom().getSecretKeyRef() != null) {
                    var ref = e.getValueFrom().getSecretKeyRef();
                    Set<String> keys = secretKeys(ref.getName());
                    if (keys != null && keys.contains(ref.getKey())) {
                        env.put(e.getName(), new Setting("Secret " + ref.getName(),
                                secretValues(ref.getName()).get(ref.getKey())));
                    }
                } else {
                    env.put(e.getName(), Setting.UNKNOWN);
                }
            }
        }
        return env;
    }

    private Map<String, String> secretValues(String name) {
        Secret s = secrets.get(name);
        Map<String, String> values = new HashMap<>();
        if (s != null) {
            if (s.getData() != null) {
                s.getData().forEach((k, v) -> values.put(k, new String(Base64.getMimeDecoder().decode(v),
                        StandardCharsets.UTF_8)));
            }
            if (s.getStringData() != null) {
                values.putAll(s.getStringData());
            }
        }
        return values;
    }

    /**
     * Every application container gets every setting its application.properties needs from the
     * environment (see {@link AppConfig#requiredSettings()}), and every variable it is given is one
     * the application reads — a misspelt key would be silently ignored by Quarkus.
     */
    public List<String> applicationSettings() {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads) {
            for (Container c : w.containers()) {
                AppConfig app = apps.get(c.getName());
                if (app == null) {
                    continue;
                }
                String where = w.describe() + " container " + c.getName();
                Map<String, Setting> env = environment(w, c);
                app.requiredSettings().forEach((property, alternatives) -> {
                    if (alternatives.stream().noneMatch(env.keySet()::containsAll)) {
                        problems.add(where + ": " + property + " (" + app.file() + ") must come from the environment;"
                                + " set one of " + alternatives.stream().map(Object::toString)
                                        .collect(Collectors.joining(" or ")));
                    }
                });
                // A %prod setting is the application's production decision (the gateway's GraphQL
                // lock-down is one): the manifests must not undo it.
                for (String key : app.prodOnlyKeys()) {
                    if (env.containsKey(AppConfig.envName(key))) {
                        problems.add(where + ": sets " + AppConfig.envName(key) + ", overriding " + app.name()
                                + "'s %prod." + key);
                    }
                }
                Set<String> known = app.knownEnvironmentNames();
                for (String name : env.keySet()) {
                    String prefix = OTHER_SETTINGS.get(name);
                    boolean other = prefix != null && app.values().keySet().stream().anyMatch(k -> k.startsWith(prefix))
                            || prefix != null && app.knownEnvironmentNames().stream()
                                    .anyMatch(k -> k.startsWith(AppConfig.envName(prefix)));
                    if (!known.contains(name) && !other) {
                        problems.add(where + ": sets " + name + " (" + env.get(name).source() + "), which "
                                + app.name() + " does not read: no such property or ${variable} in " + app.file());
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Settings that are URLs of something in the cluster ({@code http://actors-service:8081},
     * {@code postgresql://postgres:5432/actors}) name a Service of this render and one of its ports.
     */
    public List<String> serviceUrls() {
        List<String> problems = new ArrayList<>();
        Set<String> operatorServices = new TreeSet<>();
        Manifests.ofKind(resources, CnpgCluster.class).forEach(cl -> Stream.of("-rw", "-ro", "-r")
                .forEach(suffix -> operatorServices.add(cl.getMetadata().getName() + suffix)));
        for (Workload w : workloads) {
            for (Container c : w.containers()) {
                if (!apps.containsKey(c.getName())) {
                    continue;
                }
                environment(w, c).forEach((name, setting) -> {
                    if (setting.value() == null || !setting.value().matches("^(jdbc:)?[a-z][a-z0-9+.-]*://.*")) {
                        return;
                    }
                    URI uri = URI.create(setting.value().replaceFirst("^jdbc:", ""));
                    String host = uri.getHost();
                    if (host == null || (host.contains(".") && !host.contains(".svc"))) {
                        return;
                    }
                    String serviceName = host.split("\\.")[0];
                    Service s = services.get(serviceName);
                    String where = w.describe() + " container " + c.getName() + ": " + name + "=" + setting.value();
                    if (s == null) {
                        if (!operatorServices.contains(serviceName)) {
                            problems.add(where + " names host " + host + ", but no Service " + serviceName + " exists");
                        }
                        return;
                    }
                    int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
                    if (s.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port)) {
                        problems.add(where + " uses port " + port + ", but Service " + serviceName + " exposes "
                                + s.getSpec().getPorts().stream().map(ServicePort::getPort).toList());
                    }
                });
            }
        }
        return problems;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "postgresql", "postgres" -> 5432;
            default -> 80;
        };
    }

    // --- images --------------------------------------------------------------------------------

    /** Every image has an explicit tag or digest, never latest (an untagged image means latest). */
    public List<String> images() {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads) {
            for (Container c : w.allContainers()) {
                String image = c.getImage();
                if (image == null || image.isBlank()) {
                    problems.add(w.describe() + " container " + c.getName() + ": has no image");
                    continue;
                }
                if (image.contains("@sha256:")) {
                    continue;
                }
                String lastPart = image.substring(image.lastIndexOf('/') + 1);
                int colon = lastPart.indexOf(':');
                String tag = colon < 0 ? null : lastPart.substring(colon + 1);
                if (tag == null || tag.equals("latest")) {
                    problems.add(w.describe() + " container " + c.getName() + ": image " + image
                            + (tag == null ? " has no tag (that means :latest)" : " is :latest")
                            + "; pin a version in the overlay's images:");
                }
            }
        }
        return problems;
    }

    private static String name(HasMetadata r) {
        return r.getMetadata().getName();
    }
}
