package org.parley.actors;

import java.util.Set;

import org.parley.common.nativeimage.NativeConfigContract;

/** actors-service's native configuration: every classpath resource it opens is included (NativeConfigContract). */
class NativeConfigTest extends NativeConfigContract {

    @Override
    protected Set<String> resourcesKnownToBeOpened() {
        return Set.of(); // none today; the contract still fails the day one is opened undeclared
    }
}
