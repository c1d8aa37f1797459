package org.parley.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The web app (the web module's jar, a dependency of the gateway) at {@code /}: index.html for the app's
 * routes when a browser asks, the hashed assets cached for a year, index.html revalidated, both compressed —
 * and nothing else of the gateway answered with the page.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class WebAppServingTest {

    /** What a browser sends when it navigates to a page. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static String index;
    static String script;

    @TestHTTPResource("/")
    URI root;

    @BeforeAll
    static void readThePackagedApp() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(WebAppRoute.INDEX)) {
            assertNotNull(in, WebAppRoute.INDEX + " is not on the class path: the gateway depends on the web jar");
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher asset = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertTrue(asset.find(), "index.html loads a hashed script from /assets/: " + index);
        script = asset.group(1);
    }

    @Test
    void servesTheAppAtTheRootRevalidated() {
        String etag = given().accept(BROWSER_ACCEPT).get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", is("no-cache"))
                .body(is(index))
                .extract().header("ETag");
        assertNotNull(etag);
        given().accept(BROWSER_ACCEPT).header("If-None-Match", etag).get("/").then().statusCode(304);
        given().get("/index.html").then().statusCode(200).header("Cache-Control", is("no-cache")).body(is(index));
    }

    @Test
    void servesTheAppForEachOfItsRoutesWhenABrowserAsks() {
        for (String route : List.of("/events?actor=00000000-0000-4000-8000-00000000a001&root=10&from=2025-11-01",
                "/dyad?a=00000000-0000-4000-8000-00000000a008&b=00000000-0000-4000-8000-00000000a010&interval=MONTH",
                "/actors/00000000-0000-4000-8000-00000000a001", "/map", "/live", "/record")) {
            given().accept(BROWSER_ACCEPT).urlEncodingEnabled(false).get(route)
                    .then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("Cache-Control", is("no-cache"))
                    .body(is(index));
        }
    }

    @Test
    void answersNothingButABrowsersNavigationWithThePage() {
        // A script asking for JSON at an app route, another method, an unknown path: not the page.
        given().accept("application/json").get("/events").then().statusCode(404);
        given().accept(BROWSER_ACCEPT).contentType("text/plain").body("x").post("/events").then()
                .body(not(containsString(index)));
        given().accept(BROWSER_ACCEPT).get("/nowhere").then().statusCode(404);
        given().accept(BROWSER_ACCEPT).get("/actors").then().statusCode(404);
        // The gateway's own paths keep their answers.
        given().accept(BROWSER_ACCEPT).get("/graphql").then().statusCode(not(is(200)))
                .body(not(containsString(index)));
        given().accept(BROWSER_ACCEPT).get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().accept(BROWSER_ACCEPT).get("/q/graphql-ui/").then().statusCode(200).body(containsString("graphiql"));
        given().accept(BROWSER_ACCEPT).redirects().follow(false).get("/examples").then().statusCode(302)
                .header("Location", startsWith("/q/graphql-ui/?query="));
        given().accept(BROWSER_ACCEPT).get("/assets/missing-0000.js").then().statusCode(404)
                .header("Cache-Control", not(is(WebAppRoute.IMMUTABLE)));
    }

    @Test
    void cachesTheHashedAssetsForAYear() {
        given().get(script).then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", is(WebAppRoute.IMMUTABLE));
    }

    @Test
    void compressesThePageAndItsScriptForClientsThatAcceptGzip() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/events", script)) {
            HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(root.resolve(path))
                    .header("Accept", BROWSER_ACCEPT).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(root.resolve(path))
                    .header("Accept", BROWSER_ACCEPT).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, gzipped.statusCode(), path);
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse("none"), path);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                assertArrayEquals(plain.body(), in.readAllBytes(), path);
            }
            assertTrue(plain.headers().firstValue("Content-Encoding").orElse("identity").equals("identity"), path);
        }
    }
}
