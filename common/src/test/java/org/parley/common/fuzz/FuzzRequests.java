package org.parley.common.fuzz;

import static io.restassured.RestAssured.given;
import static org.parley.common.fuzz.FuzzValues.ABSENT;
import static org.parley.common.fuzz.Gen.frequency;
import static org.parley.common.fuzz.Gen.just;
import static org.parley.common.fuzz.Gen.weight;

import java.net.URLEncoder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile requests as seeded generators, sent with REST Assured and judged: never a 5xx, every 4xx
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

    /**
     * Sends {@link Fuzz#cases(int)} generated calls, noting every bad answer in {@code failures}
     * under the seed and case that replay it; returns how many answers each "METHOD status" got.
     */
    public static Map<String, Integer> sendAll(Gen<Call> calls, int defaultCases, List<String> failures) {
        Map<String, Integer> answers = new TreeMap<>();
        Fuzz.forEachCase(calls, defaultCases,
                (index, call) -> answers.merge(call.method() + " " + check(Fuzz.label(index), call, failures), 1, Integer::sum));
        return answers;
    }

    /** Sends {@code call}, notes a bad answer in {@code failures} after {@code label}; returns the status. */
    public static int check(String label, Call call, List<String> failures) {
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
            failures.add(label + " " + status + " for " + call + " → " + response.asString());
        } else if (status >= 400) {
            String type = response.contentType();
            boolean explained = type != null && type.startsWith("application/problem+json")
                    && (!response.jsonPath().getList("violations").isEmpty()
                            || !response.jsonPath().getString("detail").isBlank());
            if (!explained) {
                failures.add(label + " " + status + " without a problem+json explanation for " + call + " → " + type + " "
                        + response.asString());
            }
        }
        return status;
    }

    public static Gen<Call> call(String method, Gen<List<String>> path, Gen<List<Map.Entry<String, String>>> query) {
        return r -> new Call(method, path.next(r), query.next(r), null, null, null);
    }

    public static Gen<Call> call(String method, Gen<List<String>> path, Gen<List<Map.Entry<String, String>>> query,
            Gen<String> contentType, Gen<String> body) {
        return call(method, path, query, just(ABSENT), contentType, body);
    }

    public static Gen<Call> call(String method, Gen<List<String>> path, Gen<List<Map.Entry<String, String>>> query,
            Gen<String> ifMatch, Gen<String> contentType, Gen<String> body) {
        return r -> {
            List<String> p = path.next(r);
            List<Map.Entry<String, String>> q = query.next(r);
            String m = ifMatch.next(r);
            return new Call(method, p, q, ABSENT.equals(m) ? null : m, contentType.next(r), body.next(r));
        };
    }

    /** Literal segments start with "/"; the others are generators of one raw segment each. */
    public static Gen<List<String>> path(Object... segments) {
        List<Gen<String>> parts = new ArrayList<>();
        for (Object segment : segments) {
            @SuppressWarnings("unchecked")
            Gen<String> part = segment instanceof String literal ? just(literal) : (Gen<String>) segment;
            parts.add(part);
        }
        return r -> parts.stream().map(part -> part.next(r)).toList();
    }

    /** Each parameter absent, once, repeated or comma-joined. */
    public static Gen<List<Map.Entry<String, String>>> query(Object... nameGenPairs) {
        List<Gen<List<Map.Entry<String, String>>>> params = new ArrayList<>();
        for (int i = 0; i < nameGenPairs.length; i += 2) {
            String name = (String) nameGenPairs[i];
            @SuppressWarnings("unchecked")
            Gen<String> value = (Gen<String>) nameGenPairs[i + 1];
            params.add(frequency(
                    weight(3, just(List.<Map.Entry<String, String>>of())),
                    weight(2, value.map(v -> List.of(Map.entry(name, v)))),
                    weight(1, value.list(2, 3).map(vs -> vs.stream().map(v -> Map.entry(name, v)).toList())),
                    weight(1, value.list(2, 3).map(vs -> List.of(Map.entry(name, String.join(",", vs)))))));
        }
        return r -> params.stream().flatMap(param -> param.next(r).stream()).toList();
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
