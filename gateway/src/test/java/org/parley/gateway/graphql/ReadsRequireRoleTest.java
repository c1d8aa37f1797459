package org.parley.gateway.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.parley.gateway.Fixtures.actor;
import static org.parley.gateway.Fixtures.id;
import static org.parley.gateway.Fixtures.json;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.Gql;
import org.parley.gateway.Tokens;
import org.parley.gateway.WireMockBackends;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** parley.gateway.security.reads-require-role=true closes queries to anyone without role reader/editor. */
@QuarkusTest
@TestProfile(ReadsRequireRoleTest.ReadsClosed.class)
@WithTestResource(WireMockBackends.class)
class ReadsRequireRoleTest {

    public static class ReadsClosed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.gateway.security.reads-require-role", "true");
        }
    }

    @WireMockBackends.Actors
    WireMockServer actors;

    @Test
    void queryWithoutTokenIsUnauthenticated() {
        actors.resetAll();
        Gql.post("query A($id: ID!) { actor(id: $id) { name } }", Map.of("id", id("closed")))
                .statusCode(200)
                .body("data.actor", nullValue())
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        actors.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void queryWithReaderTokenIsAnswered() {
        String actorId = id("reader-ok");
        actors.stubFor(get(urlPathEqualTo("/actors/" + actorId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(actor(actorId, "Readable")))));
        Gql.post("query A($id: ID!) { actor(id: $id) { name } }", Map.of("id", actorId), Tokens.withRoles("reader"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.actor.name", is("Readable"));
    }

    @Test
    void queryWithUnrelatedRoleIsForbidden() {
        Gql.post("query A($id: ID!) { actor(id: $id) { name } }", Map.of("id", id("x")), Tokens.withRoles("guest"))
                .statusCode(200)
                .body("errors[0].extensions.code", is("FORBIDDEN"));
    }
}
