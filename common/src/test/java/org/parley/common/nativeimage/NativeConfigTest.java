package org.parley.common.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native-configuration checks catch what they exist for: the apps' NativeConfigTests rely on it. */
class NativeConfigTest {

    @TempDir
    Path dir;

    @Test
    void theLastIncludesKeyIsTheOneANativeBuildTakes() throws Exception {
        Path p = Files.writeString(dir.resolve("application.properties"), """
                quarkus.native.resources.includes=examples/*.graphql
                %dev.quarkus.native.resources.includes=x
                quarkus.native.resources.includes = cameo/CAMEO.country.txt, cameo/*.txt
                """);
        // A repeated key keeps its last value, as in Quarkus: the examples would be missing from a native image.
        assertEquals(List.of("cameo/CAMEO.country.txt", "cameo/*.txt"), NativeConfig.resourceIncludes(p));
        assertFalse(NativeConfig.included("examples/article.graphql", NativeConfig.resourceIncludes(p)));
    }

    @Test
    void globsMatchAsQuarkusDoes() {
        List<String> includes = List.of("examples/*.graphql", "cameo/**", "META-INF/parley/persisted-documents.json");
        assertTrue(NativeConfig.included("examples/article.graphql", includes));
        assertFalse(NativeConfig.included("examples/sub/article.graphql", includes));
        assertTrue(NativeConfig.included("cameo/deep/CAMEO.country.txt", includes));
        assertTrue(NativeConfig.included("META-INF/parley/persisted-documents.json", includes));
        assertFalse(NativeConfig.included("META-INF/parley/other.json", includes));
        assertTrue(NativeConfig.included("META-INF/resources/index.html", List.of()), "static web resources are Quarkus' own");
    }

    @Test
    void resourcesOpenedByLiteralOrConstantAreFoundAndAComputedNameIsFlagged() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("A.java"), """
                class A {
                    static final String CODES = "cameo/CAMEO.eventcodes.txt";
                    void read(String computed) {
                        A.class.getResourceAsStream("/cameo/CAMEO.country.txt");
                        Thread.currentThread().getContextClassLoader().getResources(B.MANIFEST);
                        getClass().getClassLoader().getResource(CODES);
                        getClass().getClassLoader().getResourceAsStream(computed);
                    }
                }
                """);
        Files.writeString(src.resolve("B.java"), """
                class B { public static final String MANIFEST = "META-INF/parley/persisted-documents.json"; }
                """);
        assertEquals(Set.of("cameo/CAMEO.country.txt", "META-INF/parley/persisted-documents.json",
                "cameo/CAMEO.eventcodes.txt", "?A.java: computed"), NativeConfig.resourcesOpened(src));

        Path props = Files.writeString(dir.resolve("application.properties"), "quarkus.native.resources.includes=cameo/*.txt\n");
        assertEquals(List.of("?A.java: computed", "META-INF/parley/persisted-documents.json"),
                NativeConfig.missingResources(src, props));
    }

    record Leaf(String name) {
    }

    record Branch(List<Leaf> leaves, java.util.Map<String, Leaf> byName) {
    }

    record Page(java.util.Optional<Branch> branch, long total) {
    }

    interface Api {
        Page page(@jakarta.ws.rs.QueryParam("q") Leaf notJson);

        void write(Branch body);
    }

    @Test
    void everyTypeReachableFromTheClientsAndTheRegisteredOnesMustBeRegistered() {
        assertEquals(Set.of(Leaf.class.getName(), Branch.class.getName()),
                NativeConfig.unregisteredJsonTypes(List.of(Api.class), Set.of(Page.class)));
        assertEquals(Set.of(Leaf.class.getName()),
                NativeConfig.unregisteredJsonTypes(List.of(), Set.of(Branch.class)), "nested types are followed");
        assertEquals(Set.of(), NativeConfig.unregisteredJsonTypes(List.of(Api.class), Set.of(Page.class, Branch.class, Leaf.class)));
    }
}
