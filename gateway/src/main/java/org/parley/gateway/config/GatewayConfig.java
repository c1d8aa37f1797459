package org.parley.gateway.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own settings (backend URLs live under quarkus.rest-client.*). */
@ConfigMapping(prefix = "parley.gateway")
public interface GatewayConfig {

    Security security();

    Limits limits();

    Stream stream();

    Recovery recovery();

    TrustedDocuments trustedDocuments();

    HttpCache httpCache();

    /** Largest page a client may ask for; bigger pages would only move the cost to the backends. */
    @WithDefault("100")
    int maxPageSize();

    interface Security {
        /**
         * When true, queries and subscriptions need a token with role {@code reader} (or
         * {@code editor}); off by default because Parley's data is public.
         */
        @WithDefault("false")
        boolean readsRequireRole();
    }

    /**
     * Per-document limits that graphql-java does not enforce itself (aliases, tokens). Depth and
     * complexity are SmallRye's instrumentation settings. Absent means unlimited (dev, test).
     */
    interface Limits {
        Optional<Integer> maxAliases();

        Optional<Integer> maxTokens();

        /** The whole GraphQL HTTP request, however many backend calls it makes; past it: TIMEOUT. */
        @WithDefault("PT10S")
        Duration requestTimeout();
    }

    interface Stream {
        /** The events-service SSE endpoint; one shared connection per gateway instance. */
        Optional<String> url();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /**
         * No byte (change or heartbeat) from events-service for this long means a stalled connection:
         * it is dropped and resumed. events-service sends a heartbeat every 15 s; three missed ones.
         */
        @WithDefault("PT45S")
        Duration idleTimeout();
    }

    /**
     * How the gateway notices that a backend whose circuit breaker opened is back (client/BackendRecovery):
     * while a breaker is open it polls the backend's readiness, and closes the breaker when the backend,
     * having been seen down, reports ready again.
     */
    interface Recovery {
        /** The backends' readiness endpoints (default: {@code <rest client url>/q/health/ready}). */
        String actorsReadyUrl();

        String eventsReadyUrl();

        @WithDefault("PT0.25S")
        Duration probeInterval();

        /** A probe that takes longer counts as "not ready". */
        @WithDefault("PT1S")
        Duration probeTimeout();
    }

    /**
     * Persisted ("trusted") documents: the manifests loaded at start (every classpath resource
     * {@code META-INF/parley/persisted-documents.json}, e.g. the web app's, plus every {@code *.json} in
     * {@link #dir()}), and whether documents outside them may run.
     */
    interface TrustedDocuments {
        enum Mode {
            /** Any valid document runs; known hashes run their stored document; APQ registers new ones. */
            OPEN,
            /** Only documents of the manifests run (by hash or by their exact text); everything else is refused. */
            TRUSTED_ONLY
        }

        /** {@code open} or {@code trusted-only}. */
        @WithDefault("open")
        Mode mode();

        /** A directory of further manifests ({@code *.json}, read once at start); absent means none. */
        Optional<String> dir();

        /** How many documents registered by automatic persisted queries (open mode) are remembered, LRU. */
        @WithDefault("1000")
        int apqCacheSize();
    }

    /** How GET answers of queries may be cached by browsers and shared caches (they always carry an ETag). */
    interface HttpCache {
        /**
         * {@code Cache-Control: max-age}. 0 (the default) means {@code no-cache}: caches keep the answer but
         * revalidate it with its ETag every time, so a client never reads its own write stale.
         */
        @WithDefault("PT0S")
        Duration maxAge();
    }
}
