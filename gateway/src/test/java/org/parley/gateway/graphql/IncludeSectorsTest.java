package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;
import static org.parley.gateway.Fixtures.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * events(filter: {actorIds, includeSectors: true}): the actors and the actors that are SECTOR_OF them,
 * found with one relationships read, go to events-service as one actor filter.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class IncludeSectorsTest extends StubbedBackendsTest {

    private static final String USA = id("sector-usa");
    private static final String USA_GOV = id("sector-usagov");
    private static final String USA_MIL = id("sector-usamil");
    private static final String ENVOY = id("sector-envoy");
    private static final String NATO = id("sector-nato");

    private static Map<String, Object> relationship(String name, String type, String from, String to) {
        return Map.of("id", id(name), "type", type, "fromId", from, "toId", to);
    }

    @BeforeEach
    void stubBackends() {
        actors.stubFor(get(urlPathEqualTo("/relationships")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(List.of(
                        relationship("r-gov", "SECTOR_OF", USA_GOV, USA),
                        relationship("r-mil", "SECTOR_OF", USA_MIL, USA),
                        // not sectors: another relationship type, and the state as the "from" end
                        relationship("r-envoy", "REPRESENTS", ENVOY, USA),
                        relationship("r-nato", "SECTOR_OF", USA, NATO))))));
        events.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(page(List.of(), null, 0)))));
    }

    private List<String> actorsAskedOfEventsService() {
        List<LoggedRequest> requests = events.findAll(getRequestedFor(urlPathEqualTo("/events")));
        assertEquals(1, requests.size());
        return requests.get(0).queryParameter("actor").values();
    }

    @Test
    void theStateComesWithItsSectorsInOneRelationshipsRead() {
        Gql.post("{ events(filter: {actorIds: [\"" + USA + "\"], includeSectors: true}) { edges { node { id } } } }")
                .statusCode(200);
        assertEquals(List.of(USA, USA_GOV, USA_MIL), actorsAskedOfEventsService());
        assertEquals(1, actors.findAll(getRequestedFor(urlPathEqualTo("/relationships"))).size());
    }

    @Test
    void withoutIncludeSectorsTheActorsAreAsGivenAndNoRelationshipsAreRead() {
        Gql.post("{ events(filter: {actorIds: [\"" + USA + "\"]}) { edges { node { id } } } }").statusCode(200);
        assertEquals(List.of(USA), actorsAskedOfEventsService());
        assertEquals(0, actors.findAll(getRequestedFor(urlPathEqualTo("/relationships"))).size());
    }
}
