package org.parley.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code parley.security.*}: who may read. Writes always need a token with their role (@RolesAllowed). */
@ConfigMapping(prefix = "parley.security")
public interface SecurityConfig {

    /**
     * When true every GET/HEAD of the service's API needs a token with role reader, editor or importer.
     * Off by default: in the cluster a NetworkPolicy lets only the gateway and the importer reach the
     * services, and Parley's data is public.
     */
    @WithDefault("false")
    boolean readsRequireRole();
}
