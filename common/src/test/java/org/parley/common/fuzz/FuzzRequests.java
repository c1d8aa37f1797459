package org.parley.common.fuzz;

import static io.restassured.RestAssured.given;
import static org.parley.common.fuzz.FuzzValues.ABSENT;

import java.net.URLEncoder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile requests as jqwik arbitraries, sent with REST Assured and judged: never a 5xx, every 4xx
 * problem+json with violations or a detail. Shared by both services' fuzz tests through common's
 * test jar.
 */
public final class FuzzRequests {

    private FuzzRequests() {
    }

    /** One request; {@code path} and {@code query} hold raw values, encoded when sent. */
    public record Call(String method, List<String> path, List<Map.Entry<String, String>> query, String ifMatch,
            String contentType, String body) {

        public String url() {
            String p = path.stream().map(s -> s.startsWith("/") ? s : "/" + encode(s)).collect(Collectors.joining());
            String q = query.stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
            return q.isEmpty() ? p : p + "?" + q;
        }

        @Override
        public String toString() {
            String b = body == null ? "" : " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
            return method + " " + url() + (ifMatch == null ? "" : " If-Match: " + ifMatch) + b;
        }
    }

    /** Sends {@code call}, notes a bad answer in {@code failures}; returns the status. */
    public static int check(Call call, List<String> failures) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (call.ifMatch() != null) {
            request.header("If-Match", call.ifMatch());
        }
        if (call.body() != null) {
            request.contentType(call.contentType()).body(call.body().getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(call.method(), call.url());
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(status + " for " + call + " → " + response.asString());
        } else if (status >= 400) {
            String type = response.contentType();
            boolean explained = type != null && type.startsWith("application/problem+json")
                    && (!response.jsonPath().getList("violations").isEmpty()
                            || !response.jsonPath().getString("detail").isBlank());
            if (!explained) {
                failures.add(status + " without a problem+json explanation for " + call + " → " + type + " "
                        + response.asString());
            }
        }
        return status;
    }

    public static Arbitrary<Call> call(String method, Arbitrary<List<String>> path,
            Arbitrary<List<Map.Entry<String, String>>> query) {
        return Combinators.combine(path, query).as((p, q) -> new Call(method, p, q, null, null, null));
    }

    public static Arbitrary<Call> call(String method, Arbitrary<List<String>> path,
            Arbitrary<List<Map.Entry<String, String>>> query, Arbitrary<String> contentType, Arbitrary<String> body) {
        return call(method, path, query, Arbitraries.just(ABSENT), contentType, body);
    }

    public static Arbitrary<Call> call(String method, Arbitrary<List<String>> path,
            Arbitrary<List<Map.Entry<String, String>>> query, Arbitrary<String> ifMatch, Arbitrary<String> contentType,
            Arbitrary<String> body) {
        return Combinators.combine(path, query, ifMatch, contentType, body).as((p, q, m, t, b) ->
                new Call(method, p, q, ABSENT.equals(m) ? null : m, t, b));
    }

    /** Literal segments start with "/"; the others are arbitraries of one raw segment each. */
    public static Arbitrary<List<String>> path(Object... segments) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Object segment : segments) {
            @SuppressWarnings("unchecked")
            Arbitrary<String> part = segment instanceof String literal ? Arbitraries.just(literal) : (Arbitrary<String>) segment;
            parts.add(part);
        }
        return Combinators.combine(parts).as(List::copyOf);
    }

    /** Each parameter absent, once, repeated or comma-joined. */
    public static Arbitrary<List<Map.Entry<String, String>>> query(Object... nameArbitraryPairs) {
        List<Arbitrary<List<Map.Entry<String, String>>>> params = new ArrayList<>();
        for (int i = 0; i < nameArbitraryPairs.length; i += 2) {
            String name = (String) nameArbitraryPairs[i];
            @SuppressWarnings("unchecked")
            Arbitrary<String> value = (Arbitrary<String>) nameArbitraryPairs[i + 1];
            params.add(Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.just(List.<Map.Entry<String, String>>of())),
                    Tuple.of(2, value.map(v -> List.of(Map.entry(name, v)))),
                    Tuple.of(1, value.list().ofMinSize(2).ofMaxSize(3).map(vs -> vs.stream().map(v -> Map.entry(name, v)).toList())),
                    Tuple.of(1, value.list().ofMinSize(2).ofMaxSize(3).map(vs -> List.of(Map.entry(name, String.join(",", vs)))))));
        }
        if (params.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        return Combinators.combine(params).as(lists -> lists.stream().flatMap(List::stream).toList());
    }

    public static Object[] concat(Object[] first, Object... more) {
        Object[] out = new Object[first.length + more.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every row of {@code table} answers 200 at {@code path}: all by ids in batches, the newest 300 alone. */
    public static void readAll(String table, String path, List<String> failures) throws Exception {
        List<String> ids = allIds(table);
        for (int i = 0; i < ids.size(); i += 500) {
            String batch = String.join(",", ids.subList(i, Math.min(ids.size(), i + 500)));
            Response r = given().queryParam("ids", batch).get(path);
            if (r.statusCode() != 200) {
                failures.add("unreadable " + table + " among " + batch + ": " + r.statusCode() + " " + r.asString());
            }
        }
        for (String id : ids.subList(Math.max(0, ids.size() - 300), ids.size())) {
            Response r = given().get(path + "/" + id);
            if (r.statusCode() != 200) {
                failures.add("unreadable " + table + " " + id + ": " + r.statusCode() + " " + r.asString());
            }
        }
    }

    /** Every page of the list at {@code path} answers 200, following nextCursor to the end. */
    public static void pageThrough(String path, List<String> failures) {
        String after = null;
        do {
            Response page = given().queryParam("limit", 500).queryParam("count", false)
                    .queryParam("after", after == null ? "" : after).get(path);
            if (page.statusCode() != 200) {
                failures.add("unreadable page of " + path + " after " + after + ": " + page.statusCode() + " " + page.asString());
                return;
            }
            after = page.jsonPath().getString("nextCursor");
        } while (after != null);
    }

    private static List<String> allIds(String table) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection jdbc = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery("select id from " + table + " order by created_at, id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }
}
