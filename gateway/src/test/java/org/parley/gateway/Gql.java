package org.parley.gateway;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Posts a GraphQL document to the gateway under test. */
public final class Gql {

    private Gql() {
    }

    public static ValidatableResponse post(String query) {
        return post(query, Map.of(), null);
    }

    public static ValidatableResponse post(String query, Map<String, Object> variables) {
        return post(query, variables, null);
    }

    public static ValidatableResponse post(String query, Map<String, Object> variables, String bearerToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Fixtures.json(body));
        if (bearerToken != null) {
            request = request.header("Authorization", "Bearer " + bearerToken);
        }
        return request.when().post("/graphql").then();
    }
}
