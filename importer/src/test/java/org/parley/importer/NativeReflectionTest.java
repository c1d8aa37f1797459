package org.parley.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.common.nativeimage.NativeConfig;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Jackson reads and writes the services' JSON by reflection, which a native image allows only for registered
 * types: every JSON type of the two clients, nested ones included, is in {@link ImportModel}'s registration.
 */
class NativeReflectionTest {

    @Test
    void everyTypeTheServiceClientsReadOrWriteAsJsonIsRegisteredForReflection() {
        Set<Class<?>> registered = Set.of(ImportModel.class.getAnnotation(RegisterForReflection.class).targets());
        assertEquals(Set.of(), NativeConfig.unregisteredJsonTypes(List.of(ActorsApi.class, EventsApi.class), registered));
    }
}
