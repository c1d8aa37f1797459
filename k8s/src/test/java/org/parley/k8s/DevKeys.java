package org.parley.k8s;

import java.io.IOException;

/**
 * The dev overlay's generated key pair and importer token (overlays/dev/jwt-keys.sh, git-ignored): every
 * kustomization that includes the dev overlay needs them to render. Made once per test JVM, before the first such
 * render, whichever test class comes first (a fresh clone has none; the smoke test makes them too, but the tests
 * must not depend on it having run).
 */
final class DevKeys {

    private static boolean made;

    private DevKeys() {
    }

    static synchronized void ensure() {
        if (made) {
            return;
        }
        try {
            Process script = new ProcessBuilder("bash", "overlays/dev/jwt-keys.sh").inheritIO().start();
            if (script.waitFor() != 0) {
                throw new IllegalStateException("overlays/dev/jwt-keys.sh failed (exit " + script.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        made = true;
    }
}
