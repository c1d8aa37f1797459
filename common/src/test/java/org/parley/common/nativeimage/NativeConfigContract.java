package org.parley.common.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What a native app needs declared beyond what GraalVM's analysis checks (bin/native-check; README "Native
 * check"), run against the module's own sources and application.properties: each app's NativeConfigTest
 * extends it and names the resources it is known to open, so that the scan is seen to find them. (No key set
 * twice in any application.properties is k8s' PropertiesFilesTest.)
 */
public abstract class NativeConfigContract {

    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path SOURCES = Path.of("src/main/java");

    /** Classpath resources this app opens at run time today (the scan must find at least these). */
    protected abstract Set<String> resourcesKnownToBeOpened();

    @Test
    void everyClasspathResourceOpenedAtRunTimeIsInTheNativeImage() throws Exception {
        Set<String> opened = NativeConfig.resourcesOpened(SOURCES);
        assertTrue(opened.containsAll(resourcesKnownToBeOpened()), "the scan finds what the app opens: " + opened);
        assertEquals(List.of(), NativeConfig.missingResources(SOURCES, PROPERTIES),
                "opened at run time but not in quarkus.native.resources.includes (or opened by a computed name)");
    }
}
