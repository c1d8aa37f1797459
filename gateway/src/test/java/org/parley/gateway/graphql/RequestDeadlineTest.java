package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The whole GraphQL request has a deadline: past it the client gets a TIMEOUT error, not a longer wait. */
@QuarkusTest
@TestProfile(RequestDeadlineTest.ShortDeadline.class)
@WithTestResource(WireMockBackends.class)
class RequestDeadlineTest extends StubbedBackendsTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.gateway.limits.request-timeout", "PT0.4S");
        }
    }

    @Test
    void answersTimeoutWhenTheRequestOutlivesItsDeadline() {
        // Within the per-call timeout (1.2 s under test), beyond the request's 0.4 s: without the deadline the
        // answer would be the events (after 1 s), with it the client hears TIMEOUT first.
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200).withFixedDelay(1000)
                .withHeader("Content-Type", "application/json").withBody(json(page(List.of(), null, 0)))));

        Gql.post("{ events { totalCount } }")
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("TIMEOUT"));
    }
}
