package org.parley.events;

import java.util.Set;

import org.parley.common.nativeimage.NativeConfigContract;

/** events-service's native configuration: no key set twice, every resource it opens included (NativeConfigContract). */
class NativeConfigTest extends NativeConfigContract {

    @Override
    protected Set<String> resourcesKnownToBeOpened() {
        return Set.of("cameo/CAMEO.eventcodes.txt", "cameo/CAMEO.goldsteinscale.txt");
    }
}
