package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActorSearchTest {

    @Test
    void findsPutinByLowerCaseText() {
        String id = Fixtures.createId("PERSON", "Vladimir Putin", "Putin");
        given().queryParam("text", "putin").queryParam("limit", 500)
                .when().get("/actors")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.name", equalTo("Vladimir Putin"));
    }

    @Test
    void findsZelenskyThroughAnAlias() {
        String token = Fixtures.token();
        String id = Fixtures.createId("PERSON", "Volodymyr Zelensky " + token, "Zelenskyy" + token);
        given().queryParam("text", "zelenskyy" + token)
                .when().get("/actors")
                .then().statusCode(200)
                .body("totalCount", equalTo(1))
                .body("items[0].id", equalTo(id));
    }

    @Test
    void ignoresAccentsAndCaseOnBothSides() {
        String accentedToken = Fixtures.token();
        String plainToken = Fixtures.token();
        String accented = Fixtures.createId("PERSON", "Alyaksandr Łukašenka " + accentedToken);
        String plain = Fixtures.createId("PERSON", "Alexander Lukasenka " + plainToken, "Sasha Lukaschenko");
        given().queryParam("text", "LUKASENKA " + accentedToken).when().get("/actors")
                .then().statusCode(200).body("items.id", equalTo(List.of(accented)));
        given().queryParam("text", "łukašenka " + plainToken).when().get("/actors")
                .then().statusCode(200).body("items.id", equalTo(List.of(plain)));
        given().queryParam("text", "ŁUKAŠENKA").queryParam("limit", 500).when().get("/actors")
                .then().statusCode(200).body("items.id", hasItem(accented)).body("items.id", hasItem(plain));
    }

    @Test
    void matchesSubstringsAndTreatsWildcardsLiterally() {
        String token = Fixtures.token();
        String id = Fixtures.createId("ORGANIZATION", "Organization_of " + token + " 100% States");
        given().queryParam("text", token.substring(2, 8)).queryParam("limit", 500).when().get("/actors")
                .then().body("items.id", hasItem(id));
        given().queryParam("text", "100% states").queryParam("limit", 500).when().get("/actors")
                .then().body("items.id", hasItem(id));
        given().queryParam("text", token + " 1%% states").when().get("/actors").then().body("totalCount", equalTo(0));
        given().queryParam("text", "organization_of " + token).when().get("/actors").then().body("totalCount", equalTo(1));
        given().queryParam("text", "organizationxof " + token).when().get("/actors").then().body("totalCount", equalTo(0));
    }

    @Test
    void filtersByKindAndCountry() {
        String token = Fixtures.token();
        Map<String, Object> person = Fixtures.actor("PERSON", "Person " + token);
        person.put("country", "FRA");
        Map<String, Object> state = Fixtures.actor("STATE", "State " + token);
        state.put("country", "FRA");
        Map<String, Object> org = Fixtures.actor("ORGANIZATION", "Org " + token);
        String personId = Fixtures.create(person).getString("id");
        String stateId = Fixtures.create(state).getString("id");
        String orgId = Fixtures.create(org).getString("id");

        given().queryParam("text", token).queryParam("kind", "PERSON").when().get("/actors")
                .then().body("items.id", equalTo(List.of(personId)));
        given().queryParam("text", token).queryParam("kind", "PERSON,ORGANIZATION").when().get("/actors")
                .then().body("items.id", equalTo(List.of(orgId, personId)));
        given().queryParam("text", token).queryParam("kind", "STATE").queryParam("kind", "ORGANIZATION")
                .when().get("/actors")
                .then().body("items.id", equalTo(List.of(orgId, stateId)));
        given().queryParam("text", token).queryParam("country", "FRA").when().get("/actors")
                .then().body("items.id", equalTo(List.of(personId, stateId))).body("totalCount", equalTo(2));
    }

    @Test
    void rejectsBadSearchParameters() {
        given().queryParam("kind", "ALIEN").when().get("/actors")
                .then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("PERSON, STATE, ORGANIZATION, GROUP"));
        given().queryParam("country", "Russia").when().get("/actors")
                .then().statusCode(400).body("violations[0].field", equalTo("country"));
        given().queryParam("limit", 0).when().get("/actors")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("limit", 501).when().get("/actors")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("limit", "ten").when().get("/actors")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("after", "bm90IGEgY3Vyc29y").when().get("/actors")
                .then().statusCode(400).body("violations[0].field", equalTo("after"));
        given().queryParam("after", "%%%").when().get("/actors")
                .then().statusCode(400).body("violations[0].field", equalTo("after"));
    }

    @Test
    void walksAllPagesInStableOrderWithoutDuplicates() {
        String token = Fixtures.token();
        List<String> created = new ArrayList<>();
        // Two pairs share a name, so the id must break the tie.
        for (String first : List.of("Delta", "alpha", "Charlie", "Bravo", "Bravo", "Echo", "Echo")) {
            created.add(Fixtures.createId("GROUP", first + " " + token));
        }
        List<String> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("text", token).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.when().get("/actors").then().statusCode(200).extract().jsonPath();
            assertEquals(7, page.getLong("totalCount"));
            seen.addAll(page.getList("items.id", String.class));
            names.addAll(page.getList("items.name", String.class));
            cursor = page.getString("nextCursor");
            pages++;
            assertTrue(pages <= 4, "more pages than rows allow");
        } while (cursor != null);

        assertEquals(4, pages);
        assertEquals(7, seen.size());
        assertEquals(new HashSet<>(created), new HashSet<>(seen), "every actor exactly once");
        assertEquals(7, Set.copyOf(seen).size());
        // The same query without paging gives the same order.
        JsonPath whole = given().queryParam("text", token).queryParam("limit", 500).when().get("/actors")
                .then().extract().jsonPath();
        assertEquals(whole.getList("items.id", String.class), seen);
        assertNotNull(names);
    }

    @Test
    void lastPageHasNoCursor() {
        String token = Fixtures.token();
        Fixtures.createId("GROUP", "Only " + token);
        given().queryParam("text", token).when().get("/actors")
                .then().statusCode(200)
                .body("nextCursor", nullValue())
                .body("totalCount", equalTo(1))
                .body("items[0]", not(nullValue()));
    }

    @Test
    void pagesAreSortedByName() {
        String token = Fixtures.token();
        for (String first : List.of("Mike", "Kilo", "Lima")) {
            Fixtures.createId("GROUP", first + " " + token);
        }
        List<String> names = given().queryParam("text", token).when().get("/actors")
                .then().extract().jsonPath().getList("items.name", String.class);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(sorted, names);
        assertEquals(List.of("Kilo " + token, "Lima " + token, "Mike " + token), names);
    }
}
