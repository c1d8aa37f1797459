package org.parley.gateway.graphql;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.parley.gateway.FakeEventStream;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Subscriptions against a fake events-service stream ({@link FakeEventStream}) and a WireMock
 * actors-service: every test starts once the previous test's upstream connection has closed, so a
 * subscriber left over from one test never receives another test's events.
 */
abstract class LiveStreamTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    @WireMockBackends.Actors
    WireMockServer actors;

    @FakeEventStream.Inject
    FakeEventStream upstream;

    @TestHTTPResource("/graphql")
    URI graphql;

    @BeforeEach
    void noSubscriberLeftFromAnotherTest() {
        FakeEventStream.await("the previous test's upstream connection to close", DEADLINE,
                () -> upstream.openConnections() == 0);
        actors.resetAll();
    }
}
