package org.parley.common.security.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every write operation a service's OpenAPI document lists (POST, PUT, PATCH, DELETE), with the role its
 * security requirement names, so a test can prove each one refuses callers without that role — and a new
 * endpoint is covered the day it appears. Requests go out through java.net.http: no default token applies.
 */
public final class WriteEndpoints {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One write operation: method, a concrete path (parameters filled in), the roles it declares. */
    public record Operation(String method, String template, String path, List<String> roles) {
        @Override
        public String toString() {
            return method + " " + template + " " + roles;
        }
    }

    private WriteEndpoints() {
    }

    public static List<Operation> of(URI service) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(service, "GET", "/q/openapi?format=json", null);
        assertEquals(200, answer.statusCode(), "GET /q/openapi");
        JsonNode paths = new ObjectMapper().readTree(answer.body()).path("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!WRITES.contains(op.getKey())) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                op.getValue().path("security").forEach(requirement -> requirement.forEach(scopes -> scopes
                        .forEach(role -> roles.add(role.asText()))));
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), fill(path.getKey()), roles));
            }
        }
        return operations;
    }

    /** Ids become random UUIDs (nothing there), any other parameter a plain word. */
    private static String fill(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            m.appendReplacement(filled, name.endsWith("id") ? UUID.randomUUID().toString() : "FOLLOWS");
        }
        m.appendTail(filled);
        return filled.toString();
    }

    public static HttpResponse<String> send(URI service, String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Each write: no token → 401, a token that does not verify → 401, reader only → 403, a token with every
     * role but the declared one → 403, the declared role → past the security check (whatever the empty body
     * then earns: 400, 404, …). Returns how many operations were checked.
     */
    public static int assertEveryWriteNeedsItsRole(URI service, Set<String> allRoles) throws Exception {
        List<Operation> operations = of(service);
        assertFalse(operations.isEmpty(), "the OpenAPI document lists no write operation");
        for (Operation op : operations) {
            assertEquals(1, op.roles().size(), op + ": every write declares exactly one role (@RolesAllowed)");
            String role = op.roles().get(0);
            assertTrue(allRoles.contains(role), op + ": unknown role");

            assertRefused(401, send(service, op.method(), op.path(), null), op + " without a token");
            assertRefused(401, send(service, op.method(), op.path(), TestTokens.bearer(role) + "x"), op + " with a tampered token");
            assertRefused(403, send(service, op.method(), op.path(), TestTokens.bearer("reader")), op + " as reader");
            String[] others = allRoles.stream().filter(r -> !r.equals(role)).toArray(String[]::new);
            assertRefused(403, send(service, op.method(), op.path(), TestTokens.bearer(others)), op + " without " + role);

            int allowed = send(service, op.method(), op.path(), TestTokens.bearer(role)).statusCode();
            assertNotEquals(401, allowed, op + " with " + role);
            assertNotEquals(403, allowed, op + " with " + role);
        }
        return operations.size();
    }

    private static void assertRefused(int status, HttpResponse<String> answer, String what) {
        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("")
                .replaceAll(";.*", ""), what);
        String type = status == 401 ? "urn:parley:problem:unauthorized" : "urn:parley:problem:forbidden";
        assertTrue(answer.body().contains(type), what + ": " + answer.body());
        if (status == 401) {
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), what);
        }
    }
}
