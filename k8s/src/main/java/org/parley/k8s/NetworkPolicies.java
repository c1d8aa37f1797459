package org.parley.k8s;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Evaluates NetworkPolicies as the API defines them (a pod selected by any policy of a type is isolated
 * for that direction; a connection needs both the source's egress and the destination's ingress to
 * allow it). Simplification: an ipBlock matches any address outside the cluster and no pod (CIDRs are
 * not compared), which is how Parley uses them.
 */
public final class NetworkPolicies {

    /**
     * One end of a connection: a pod (namespace, its labels and named ports), or an address outside the
     * cluster ({@code namespace == null}).
     */
    public record Peer(String description, String namespace, Map<String, String> namespaceLabels,
            Map<String, String> podLabels, Map<String, Integer> namedPorts) {

        public static Peer pod(Workload workload) {
            Map<String, Integer> ports = new java.util.HashMap<>();
            workload.containers().forEach(c -> {
                if (c.getPorts() != null) {
                    c.getPorts().stream().filter(p -> p.getName() != null)
                            .forEach(p -> ports.put(p.getName(), p.getContainerPort()));
                }
            });
            return new Peer(workload.describe(), workload.namespace(),
                    Map.of("kubernetes.io/metadata.name", String.valueOf(workload.namespace())),
                    workload.podLabels(), ports);
        }

        public static Peer podIn(String namespace, Map<String, String> podLabels) {
            return new Peer("a pod in namespace " + namespace, namespace,
                    Map.of("kubernetes.io/metadata.name", namespace), podLabels, Map.of());
        }

        public static Peer outsideCluster(String description) {
            return new Peer(description, null, Map.of(), Map.of(), Map.of());
        }

        boolean isPod() {
            return namespace != null;
        }
    }

    private final List<NetworkPolicy> policies;

    public NetworkPolicies(List<HasMetadata> resources) {
        this.policies = Manifests.ofKind(resources, NetworkPolicy.class);
    }

    /** Whether a TCP connection from {@code from} to port {@code port} of {@code to} is allowed. */
    public boolean allows(Peer from, Peer to, int port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    private boolean egressAllows(Peer from, Peer to, int port) {
        if (!from.isPod()) {
            return true;
        }
        List<NetworkPolicy> isolating = selecting(from, "Egress");
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().anyMatch(p -> p.getSpec().getEgress() != null && p.getSpec().getEgress().stream()
                .anyMatch(rule -> peersMatch(rule.getTo(), p, to) && portsMatch(rule.getPorts(), to, port)));
    }

    private boolean ingressAllows(Peer from, Peer to, int port) {
        if (!to.isPod()) {
            return true;
        }
        List<NetworkPolicy> isolating = selecting(to, "Ingress");
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().anyMatch(p -> p.getSpec().getIngress() != null && p.getSpec().getIngress().stream()
                .anyMatch(rule -> peersMatch(rule.getFrom(), p, from) && portsMatch(rule.getPorts(), to, port)));
    }

    private List<NetworkPolicy> selecting(Peer pod, String type) {
        return policies.stream()
                .filter(p -> pod.namespace().equals(p.getMetadata().getNamespace()))
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), pod.podLabels()))
                .filter(p -> types(p).contains(type))
                .toList();
    }

    /** policyTypes defaults to Ingress, plus Egress when the policy has egress rules. */
    private static List<String> types(NetworkPolicy p) {
        List<String> types = p.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty()
                ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Peer other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (!other.isPod()) {
                    return true;
                }
            } else if (peer.getNamespaceSelector() != null) {
                if (other.isPod() && Selectors.matches(peer.getNamespaceSelector(), other.namespaceLabels())
                        && (peer.getPodSelector() == null
                                || Selectors.matches(peer.getPodSelector(), other.podLabels()))) {
                    return true;
                }
            } else if (peer.getPodSelector() != null) {
                if (other.isPod() && other.namespace().equals(policy.getMetadata().getNamespace())
                        && Selectors.matches(peer.getPodSelector(), other.podLabels())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A named port resolves against the destination pod's container ports. */
    private static boolean portsMatch(List<NetworkPolicyPort> ports, Peer destination, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!protocol.equals("TCP")) {
                continue;
            }
            IntOrString allowed = p.getPort();
            if (allowed == null) {
                return true;
            }
            if (allowed.getIntVal() != null) {
                int end = p.getEndPort() == null ? allowed.getIntVal() : p.getEndPort();
                if (port >= allowed.getIntVal() && port <= end) {
                    return true;
                }
            } else if (Integer.valueOf(port).equals(destination.namedPorts().get(allowed.getStrVal()))) {
                return true;
            }
        }
        return false;
    }
}
