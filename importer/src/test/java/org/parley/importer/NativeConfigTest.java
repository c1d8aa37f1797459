package org.parley.importer;

import java.util.Set;

import org.parley.common.nativeimage.NativeConfigContract;

/** importer's native configuration: no key set twice, every resource it opens included (NativeConfigContract). */
class NativeConfigTest extends NativeConfigContract {

    @Override
    protected Set<String> resourcesKnownToBeOpened() {
        return Set.of("cameo/CAMEO.country.txt");
    }
}
