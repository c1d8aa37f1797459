package org.parley.actors;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test data helpers: every test creates its own actors, with names no other test uses. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A random lower-case word, to make names unique without digits (folding leaves it alone). */
    public static String token() {
        StringBuilder sb = new StringBuilder("x");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    public static Map<String, Object> actor(String kind, String name, String... aliases) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("aliases", List.of(aliases));
        return body;
    }

    /** Creates an actor and answers its JSON. */
    public static JsonPath create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/actors")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    public static String createId(String kind, String name, String... aliases) {
        return create(actor(kind, name, aliases)).getString("id");
    }
}
