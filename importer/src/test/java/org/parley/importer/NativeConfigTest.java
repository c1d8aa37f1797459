package org.parley.importer;

import java.util.Set;

import org.parley.common.nativeimage.NativeConfigContract;

/** importer's native configuration: every classpath resource it opens is included (NativeConfigContract). */
class NativeConfigTest extends NativeConfigContract {

    @Override
    protected Set<String> resourcesKnownToBeOpened() {
        return Set.of("cameo/CAMEO.country.txt");
    }
}
