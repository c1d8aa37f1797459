package org.parley.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.parley.k8s.NetworkPolicies.Peer;

/**
 * Who may talk to whom in Parley, evaluated against an overlay's NetworkPolicies: only the gateway
 * and the importer reach the services, only the services (and their migration Jobs) reach PostgreSQL,
 * front ends reach only the gateway.
 */
final class NetworkExpectations {

    private NetworkExpectations() {
    }

    /** The same PostgreSQL for both services. */
    static List<String> problems(Overlay overlay, Peer database) {
        return problems(overlay, database, database);
    }

    /** @param actorsDb, eventsDb each service's PostgreSQL in this overlay (a pod, or an outside address) */
    static List<String> problems(Overlay overlay, Peer actorsDb, Peer eventsDb) {
        NetworkPolicies policies = new NetworkPolicies(overlay.resources());
        Peer gateway = Peer.pod(overlay.workload("gateway"));
        Peer actors = Peer.pod(overlay.workload("actors-service"));
        Peer events = Peer.pod(overlay.workload("events-service"));
        Peer importer = Peer.pod(overlay.workload("importer"));
        Peer ingressController = Peer.podIn("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Peer dns = Peer.podIn("kube-system", Map.of("k8s-app", "kube-dns"));

        List<String> problems = new ArrayList<>();
        record Case(Peer from, Peer to, int port, boolean allowed) {
        }
        List<Case> cases = List.of(
                new Case(ingressController, gateway, 8080, true),
                new Case(ingressController, actors, 8081, false),
                new Case(ingressController, events, 8082, false),
                new Case(gateway, actors, 8081, true),
                new Case(gateway, events, 8082, true),
                new Case(actors, events, 8082, false),
                new Case(events, actors, 8081, false),
                new Case(actors, gateway, 8080, false),
                new Case(events, gateway, 8080, false),
                new Case(actors, actorsDb, 5432, true),
                new Case(events, eventsDb, 5432, true),
                new Case(gateway, actorsDb, 5432, false),
                new Case(gateway, eventsDb, 5432, false),
                new Case(gateway, dns, 53, true),
                new Case(actors, dns, 53, true),
                new Case(importer, actors, 8081, true),
                new Case(importer, events, 8082, true),
                new Case(importer, gateway, 8080, false),
                new Case(importer, actorsDb, 5432, false),
                new Case(importer, eventsDb, 5432, false),
                new Case(importer, dns, 53, true),
                new Case(ingressController, importer, 8080, false));
        cases = new ArrayList<>(cases);
        // The migration Jobs (base; the dev overlay migrates at start instead): their own database, DNS, nothing else.
        for (String service : List.of("actors-service", "events-service")) {
            Peer database = service.equals("actors-service") ? actorsDb : eventsDb;
            for (Workload job : overlay.checks().workloads()) {
                if (job.name().equals(service + "-migrate")) {
                    Peer migrate = Peer.pod(job);
                    cases.add(new Case(migrate, database, 5432, true));
                    cases.add(new Case(migrate, dns, 53, true));
                    cases.add(new Case(migrate, actors, 8081, false));
                    cases.add(new Case(migrate, events, 8082, false));
                    cases.add(new Case(gateway, migrate, 8081, false));
                }
            }
        }
        for (Peer database : List.of(actorsDb, eventsDb)) {
            if (database.namespace() != null) {
                // Only an in-cluster database is ours to protect from other namespaces.
                cases.add(new Case(ingressController, database, 5432, false));
            }
        }
        for (Case c : cases) {
            boolean allowed = policies.allows(c.from(), c.to(), c.port());
            if (allowed != c.allowed()) {
                problems.add(c.from().description() + " → " + c.to().description() + ":" + c.port() + " should be "
                        + (c.allowed() ? "allowed" : "denied") + " but is " + (allowed ? "allowed" : "denied"));
            }
        }
        return problems;
    }
}
