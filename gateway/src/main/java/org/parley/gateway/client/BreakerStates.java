package org.parley.gateway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * {@code parley_gateway_circuit_breaker_state{breaker, state}}: 1 for the state each of the gateway's four
 * breakers is in now, 0 for the others, read from SmallRye's breakers at every scrape. SmallRye's own
 * {@code ft_circuitbreaker_state_current} follows the breakers' transition events, and
 * {@link BackendRecovery} closes an open breaker with a maintenance reset, which fires none: that
 * metric would go on saying "open" after the recovery, and an alert on it would never clear.
 */
@ApplicationScoped
public class BreakerStates {

    public static final String METRIC = "parley.gateway.circuit.breaker.state";
    static final List<String> BREAKERS = List.of(ActorsClient.READ_BREAKER, ActorsClient.WRITE_BREAKER,
            EventsClient.READ_BREAKER, EventsClient.WRITE_BREAKER);

    private final List<Gauge> gauges = new ArrayList<>();

    void register(@Observes StartupEvent started, MeterRegistry registry, CircuitBreakerMaintenance breakers) {
        for (String breaker : BREAKERS) {
            for (CircuitBreakerState state : CircuitBreakerState.values()) {
                gauges.add(Gauge.builder(METRIC, () -> breakers.currentState(breaker) == state ? 1 : 0)
                        .description("1 while the circuit breaker is in this state")
                        .tags("breaker", breaker, "state", state.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
        }
    }

    /**
     * Removed at shutdown: a registry outliving this application (Micrometer's global composite, across
     * restarts in one JVM such as the test profiles' restarts) would otherwise keep these gauges, and a
     * later start's registration returns the existing gauge, still reading the stopped application's breakers.
     */
    void unregister(@Observes ShutdownEvent stopped, MeterRegistry registry) {
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}
