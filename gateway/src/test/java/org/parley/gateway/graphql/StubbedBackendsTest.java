package org.parley.gateway.graphql;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The gateway against WireMock stand-ins for both services ({@link WireMockBackends}): every test
 * starts with no stubs, no recorded requests and every circuit breaker closed, so call counts and
 * failures of one test never leak into the next.
 */
abstract class StubbedBackendsTest {

    @WireMockBackends.Actors
    WireMockServer actors;

    @WireMockBackends.Events
    WireMockServer events;

    @Inject
    CircuitBreakerMaintenance breakers;

    // runs before the subclasses' own @BeforeEach methods (JUnit orders superclass methods first)
    @BeforeEach
    void resetBackends() {
        actors.resetAll();
        events.resetAll();
        breakers.resetAll();
    }
}
