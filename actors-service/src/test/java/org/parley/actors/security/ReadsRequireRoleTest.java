package org.parley.actors.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.common.security.testing.TestTokens;
import org.parley.common.security.testing.WriteEndpoints;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** parley.security.reads-require-role=true (common's ReadAccess): every API read needs reader, editor or importer. */
@QuarkusTest
@TestProfile(ReadsRequireRoleTest.ReadsClosed.class)
class ReadsRequireRoleTest {

    public static class ReadsClosed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.security.reads-require-role", "true");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void readsWithoutATokenAre401ProblemJson() throws Exception {
        HttpResponse<String> answer = WriteEndpoints.send(root.toURI(), "GET", "/actors?text=Putin", null);
        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("urn:parley:problem:unauthorized"), answer.body());
    }

    @Test
    void readsWithAnUnrelatedRoleAre403() throws Exception {
        HttpResponse<String> answer = WriteEndpoints.send(root.toURI(), "GET", "/actors?text=Putin", TestTokens.bearer("guest"));
        assertEquals(403, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("urn:parley:problem:forbidden"), answer.body());
    }

    @Test
    void readsWithReaderEditorOrImporterAreAnswered() throws Exception {
        URI service = root.toURI();
        for (String role : new String[] {"reader", "editor", "importer"}) {
            assertEquals(200, WriteEndpoints.send(service, "GET", "/actors?text=Putin", TestTokens.bearer(role)).statusCode(), role);
        }
    }

    @Test
    void healthAndOpenApiStayOpen() throws Exception {
        URI service = root.toURI();
        assertEquals(200, WriteEndpoints.send(service, "GET", "/q/health/live", null).statusCode());
        assertEquals(200, WriteEndpoints.send(service, "GET", "/q/openapi", null).statusCode());
    }
}
