package org.parley.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.gateway.Fixtures;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The downloads over the real services and the seed article: a filter exported as CSV and as GeoJSON holds
 * the same events, in the same order, as the GraphQL query with that filter, with the other service's names
 * and the places' coordinates filled in.
 */
@ExtendWith(E2eServices.class)
class ExportIT {

    private static final String PUTIN = "00000000-0000-4000-8000-00000000a001";
    private static final String DEMAND = "00000000-0000-4000-8000-00000000e002";

    @Test
    void putinsDemandAsACsvRowWithNamesPlaceAndTerritories() {
        String csv = new String(given().baseUri(E2eServices.services().gatewayUrl())
                .queryParam("filter", "{\"actorIds\":[\"" + PUTIN + "\"],\"codes\":[\"106\"]}")
                .get("/export/events.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\ufeffid,start,end,precision,status,code,type,"), lines.get(0));
        assertEquals(DEMAND + ",2025-11-27,,DAY,OCCURRED,106,Demand withdrawal,10,3,-5.0,"
                + "Putin demands Ukrainian withdrawal from the territories Russia claims,"
                // No comma, quote or line break in the summary: RFC 4180 leaves it unquoted.
                + "Putin says Moscow will only cease hostilities if Ukrainian forces completely withdraw from the "
                + "territories Russia claims: Crimea and the Donbas regions of Luhansk and Donetsk.,"
                + "Vladimir Putin (SOURCE); Russia (SOURCE); Ukraine (TARGET),", lines.get(1).substring(0,
                        lines.get(1).indexOf("(TARGET),") + "(TARGET),".length()));
        assertTrue(lines.get(1).contains(",Bishkek,00000000-0000-4000-8000-00000000f008,KGZ,42.8746,74.5698,"
                + "Crimea; Luhansk; Donetsk,"), lines.get(1));
    }

    @Test
    void putinsEventsAsGeoJsonAreTheGraphqlQuerysEventsWithPoints() {
        String filter = "{\"actorIds\":[\"" + PUTIN + "\"],\"from\":\"2025-11-27\",\"to\":\"2025-11-27\"}";
        JsonPath geojson = given().baseUri(E2eServices.services().gatewayUrl()).queryParam("filter", filter)
                .get("/export/events.geojson").then().statusCode(200).contentType("application/geo+json")
                .extract().jsonPath();
        assertEquals("FeatureCollection", geojson.getString("type"));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", "query Putin($filter: EventFilter) { events(filter: $filter, first: 100) { edges { node { id } } } }");
        body.put("variables", Map.of("filter", Fixtures.JSON.convertValue(JsonPath.from(filter).getMap(""), Map.class)));
        List<String> viaGraphql = given().baseUri(E2eServices.services().gatewayUrl()).contentType(ContentType.JSON)
                .body(Fixtures.json(body)).post("/graphql").then().statusCode(200).body("errors", nullValue())
                .extract().jsonPath().getList("data.events.edges.node.id");

        assertEquals(viaGraphql, geojson.getList("features.id"));
        assertTrue(viaGraphql.size() >= 7, "the seed has seven events of Putin's on 27 November: " + viaGraphql);
        Set<String> located = new HashSet<>(geojson.getList("features.geometry.type"));
        assertEquals(Set.of("Point"), located, "every event of Putin's that day is located (Bishkek)");
        int demand = geojson.getList("features.id").indexOf(DEMAND);
        // setRoot changes this JsonPath's root: nothing below reads from the collection's root again.
        JsonPath feature = geojson.setRoot("features[" + demand + "]");
        assertEquals("Point", feature.getString("geometry.type"));
        assertEquals(List.of(74.5698f, 42.8746f), feature.getList("geometry.coordinates"));
        assertEquals("Bishkek", feature.getString("properties.place.name"));
        assertEquals(List.of("Vladimir Putin", "Russia", "Ukraine"), feature.getList("properties.participants.name"));
        assertEquals(List.of("Crimea", "Luhansk", "Donetsk"), feature.getList("properties.territoriesAtStake.name"));
    }
}
