package org.parley.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.common.nativeimage.NativeConfig;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Jackson builds the backends' answers by reflection, which a native image allows only for registered types:
 * every JSON type of the two clients, nested ones included, is in {@link NativeReflection}.
 */
class NativeReflectionTest {

    @Test
    void everyTypeTheBackendClientsReadOrWriteAsJsonIsRegisteredForReflection() {
        Set<Class<?>> registered = Set.of(NativeReflection.class.getAnnotation(RegisterForReflection.class).targets());
        assertEquals(Set.of(), NativeConfig.unregisteredJsonTypes(List.of(ActorsApi.class, EventsApi.class), registered));
    }
}
