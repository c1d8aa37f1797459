package org.parley.gateway;

import java.util.Set;

import org.parley.common.nativeimage.NativeConfigContract;

/** gateway's native configuration: every classpath resource it opens is included (NativeConfigContract). */
class NativeConfigTest extends NativeConfigContract {

    @Override
    protected Set<String> resourcesKnownToBeOpened() {
        return Set.of("examples/article.graphql", "META-INF/parley/persisted-documents.json", "META-INF/resources/index.html");
    }
}
