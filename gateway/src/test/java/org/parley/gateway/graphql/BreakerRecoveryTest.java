package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.WireMockBackends;
import org.parley.gateway.client.ActorsClient;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * After an outage the gateway answers fully again as soon as the backend says it is ready, not a breaker
 * delay (5 s) or several later; a backend that stays "ready" while failing is still shed by its breaker.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class BreakerRecoveryTest extends StubbedBackendsTest {

    private static final String ACTORS = "{ actors(first: 5) { totalCount edges { node { name } } } }";
    /** The read breaker's delay before its own half-open trial (ActorsClient). */
    private static final Duration BREAKER_DELAY = Duration.ofSeconds(5);

    private static ResponseDefinitionBuilder json200(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json(body));
    }

    private void actorsAnswer() {
        String someone = id("recovery-someone");
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(json200(page(List.of(actor(someone, "Someone")), null, 1))));
    }

    private void actorsReady(boolean ready) {
        actors.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(ready
                ? json200(Map.of("status", "UP", "checks", List.of()))
                : aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody("{\"status\":\"DOWN\"}")));
    }

    private CircuitBreakerState readBreaker() {
        return breakers.currentState(ActorsClient.READ_BREAKER);
    }

    /** Failing queries until the read breaker opens; returns the answer of the query that opened it. */
    private JsonPath queryUntilTheBreakerOpens() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath answer = Gql.post(ACTORS).statusCode(200).extract().jsonPath();
            if (readBreaker() == CircuitBreakerState.OPEN) {
                return answer;
            }
        }
        return fail("the read breaker of actors-service did not open within 30 s of failing calls");
    }

    /** The poll interval of the loops below (each has a deadline): a client asking again, not a wait for time. */
    private static void betweenPolls() {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }

    @Test
    void openBreakerClosesAsSoonAsTheBackendIsReadyAgainNotAfterItsDelay() {
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(503)));
        actorsReady(false);
        queryUntilTheBreakerOpens();
        long openedAt = System.nanoTime();
        Gql.post(ACTORS).statusCode(200).body("errors[0].message", containsString("calls are paused"));

        actorsAnswer();
        actorsReady(true);

        // the breaker's own trial comes only after its delay: a full answer before that is the recovery's
        long deadline = openedAt + BREAKER_DELAY.minusMillis(500).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath answer = Gql.post(ACTORS).statusCode(200).extract().jsonPath();
            if (answer.get("errors") == null) {
                assertEquals(List.of("Someone"), answer.getList("data.actors.edges.node.name"));
                assertEquals(CircuitBreakerState.CLOSED, readBreaker());
                return;
            }
            assertEquals("UPSTREAM_UNAVAILABLE", answer.getString("errors[0].extensions.code"));
            betweenPolls();
        }
        fail("no full answer within " + BREAKER_DELAY.minusMillis(500) + " of the breaker opening, though actors-service"
                + " was ready again");
    }

    @Test
    void breakerOfABackendThatStaysReadyWhileFailingStaysOpen() {
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(503)));
        actorsReady(true);
        queryUntilTheBreakerOpens();

        // the watch asks the backend's readiness a few times, is told "ready" each time, and leaves the breaker
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (actors.countRequestsMatching(getRequestedFor(urlPathEqualTo("/q/health/ready")).build()).getCount() < 3) {
            assertTrue(System.nanoTime() < deadline, "the breaker's watch did not ask actors-service's readiness");
            betweenPolls();
        }
        assertEquals(CircuitBreakerState.OPEN, readBreaker());
        Gql.post(ACTORS).statusCode(200).body("errors[0].message", containsString("calls are paused"));
    }

    @Test
    void failureThatOpensTheBreakerIsReportedAsItselfNotAsAPause() {
        // one success, then failures: the breaker's window (20 calls) fills and opens on a first attempt,
        // whose retry would meet the open breaker and report "calls are paused" instead of the 503
        actorsAnswer();
        actorsReady(true);
        Gql.post(ACTORS).statusCode(200).body("data.actors.totalCount", is(1));
        actors.stubFor(get(urlPathEqualTo("/actors")).willReturn(aResponse().withStatus(503)));

        JsonPath opening = queryUntilTheBreakerOpens();

        assertEquals("actors-service answered 503", opening.getString("errors[0].message"));
        assertEquals("UPSTREAM_UNAVAILABLE", opening.getString("errors[0].extensions.code"));
    }
}
