package org.parley.gateway.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Where the GraphQL UI is on, /examples opens it with the article's example document. */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class ExamplesRouteTest {

    @Test
    void examplesRedirectsToTheUiWithTheExampleDocument() throws IOException {
        String location = given().redirects().follow(false).get("/examples").then().statusCode(302)
                .extract().header("Location");
        String prefix = "/q/graphql-ui/?query=";
        assertTrue(location.startsWith(prefix), location);
        String query = location.substring(prefix.length(), location.indexOf("&operationName="));
        assertTrue(!query.contains("+"), "the UI decodes with decodeURIComponent: spaces must be %20");
        String document;
        try (InputStream in = ExamplesRouteTest.class.getResourceAsStream("/examples/article.graphql")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(document, URLDecoder.decode(query, StandardCharsets.UTF_8));
        assertTrue(location.endsWith("&operationName=MoscowTalks"), location);
        // The browser follows it: the whole document fits in a request line the server accepts.
        given().urlEncodingEnabled(false).get(location).then().statusCode(200).body(containsString("graphiql"));
    }

    @Test
    void theUiTheRedirectPointsToIsServed() {
        given().get("/q/graphql-ui/").then().statusCode(200).body(containsString("graphiql"));
    }
}
