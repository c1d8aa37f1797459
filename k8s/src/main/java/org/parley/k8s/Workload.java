package org.parley.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * A Deployment, StatefulSet, CronJob or Job, seen through what the checks need: its pods. A CronJob's and a
 * Job's pods run to completion: they have no selector, serve nothing and need no probes
 * ({@link #runsToCompletion()}).
 */
public record Workload(HasMetadata resource, LabelSelector selector, PodTemplateSpec template, Integer replicas,
        List<PersistentVolumeClaim> claimTemplates) {

    public static List<Workload> all(List<HasMetadata> resources) {
        List<Workload> workloads = new ArrayList<>();
        for (HasMetadata r : resources) {
            if (r instanceof Deployment d) {
                workloads.add(new Workload(d, d.getSpec().getSelector(), d.getSpec().getTemplate(),
                        d.getSpec().getReplicas(), List.of()));
            } else if (r instanceof StatefulSet s) {
                workloads.add(new Workload(s, s.getSpec().getSelector(), s.getSpec().getTemplate(),
                        s.getSpec().getReplicas(), s.getSpec().getVolumeClaimTemplates() == null ? List.of()
                                : s.getSpec().getVolumeClaimTemplates()));
            } else if (r instanceof CronJob c) {
                workloads.add(new Workload(c, null, c.getSpec().getJobTemplate().getSpec().getTemplate(), null,
                        List.of()));
            } else if (r instanceof Job j) {
                workloads.add(new Workload(j, null, j.getSpec().getTemplate(), null, List.of()));
            }
        }
        return workloads;
    }

    /** A job's pods (a CronJob's or a Job's): they finish, so probes, selectors and Services do not apply. */
    public boolean runsToCompletion() {
        return resource instanceof CronJob || resource instanceof Job;
    }

    public String name() {
        return resource.getMetadata().getName();
    }

    public String namespace() {
        return resource.getMetadata().getNamespace();
    }

    public String describe() {
        return resource.getKind() + " " + name();
    }

    public Map<String, String> podLabels() {
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    public List<Container> containers() {
        return template.getSpec().getContainers();
    }

    /** Init containers and containers. */
    public List<Container> allContainers() {
        List<Container> all = new ArrayList<>();
        if (template.getSpec().getInitContainers() != null) {
            all.addAll(template.getSpec().getInitContainers());
        }
        all.addAll(containers());
        return all;
    }
}
