package org.parley.importer;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where the services are and the token to send them ({@code parley.importer.*}; the command-line options
 * {@code --actors-url}, {@code --events-url}, {@code --token} win over these). In Kubernetes they come
 * from the importer's ConfigMap and, for the token, the Secret importer-token.
 */
@ConfigMapping(prefix = "parley.importer")
public interface ImporterConfig {

    URI actorsUrl();

    URI eventsUrl();

    /** Sent as {@code Authorization: Bearer …} to both services when present. */
    Optional<String> token();
}
