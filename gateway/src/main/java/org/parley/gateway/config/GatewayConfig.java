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
}
