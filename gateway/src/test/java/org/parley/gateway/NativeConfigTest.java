package org.parley.gateway;

import java.util.Set;

import org.parley.common.nativeimage.NativeConfigContract;

/** gateway's native configuration: no key set twice, every resource it opens included (NativeConfigContract). */
class NativeConfigTest extends NativeConfigContract {

    @Override
    protected Set<String> resourcesKnownToBeOpened() {
        return Set.of("examples/article.graphql", "META-INF/parley/persisted-documents.json", "META-INF/resources/index.html");
    }
}
