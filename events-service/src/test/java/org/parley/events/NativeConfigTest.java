package org.parley.events;

import java.util.Set;

import org.parley.common.nativeimage.NativeConfigContract;

/** events-service's native configuration: every classpath resource it opens is included (NativeConfigContract). */
class NativeConfigTest extends NativeConfigContract {

    @Override
    protected Set<String> resourcesKnownToBeOpened() {
        return Set.of("cameo/CAMEO.eventcodes.txt", "cameo/CAMEO.goldsteinscale.txt");
    }
}
