package org.parley.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, the same renderer {@code kubectl apply -k} uses. */
public final class Kustomize {

    private Kustomize() {
    }

    /**
     * @throws IllegalStateException when kubectl is missing (a clear failure, never a silent skip:
     *         CI machines have it) or the kustomization does not render
     */
    public static String render(Path kustomizationDir) {
        return render(kustomizationDir, "kubectl");
    }

    /** As {@link #render(Path)}, with the kubectl executable named (a test proves the missing-kubectl message). */
    public static String render(Path kustomizationDir, String kubectl) {
        if (!Files.isRegularFile(kustomizationDir.resolve("kustomization.yaml"))) {
            throw new IllegalStateException("no kustomization.yaml in " + kustomizationDir.toAbsolutePath());
        }
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", kustomizationDir.toString()).start();
        } catch (IOException e) {
            throw new IllegalStateException(kubectl + " is not installed (or not on the PATH): the manifest checks render"
                    + " the overlays with `kubectl kustomize`. Install kubectl (any version with kustomize v5) and"
                    + " run again. Cause: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " failed (exit "
                        + process.exitValue() + "):\n" + stderr.join());
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException("reading kubectl's output failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + kustomizationDir, e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
