package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "who is who": GDELT's composite codes as sectors of their state (resolve's sectorOf, the V5
 * migration of what the first import made) and text search ranked by how well and how often an actor
 * matches.
 */
@QuarkusTest
class ActorSectorsTest {

    @Inject
    DataSource dataSource;

    private static Map<String, Object> item(String cameoCode, String name, String kind, String sectorOf) {
        Map<String, Object> item = new HashMap<>();
        item.put("cameoCode", cameoCode);
        item.put("name", name);
        item.put("kind", kind);
        item.put("sectorOf", sectorOf);
        return item;
    }

    private static List<String> resolve(List<Map<String, Object>> items) {
        return given().contentType(ContentType.JSON).body(Map.of("items", items))
                .when().post("/actors/resolve")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static List<Map<String, Object>> sectorLinks(String actorId) {
        List<Map<String, Object>> all = given().when().get("/actors/" + actorId + "/relationships")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(r -> "SECTOR_OF".equals(r.get("type"))).toList();
    }

    @Test
    void resolveLinksASectorToItsStateOnceHoweverOftenItIsResolved() {
        String token = Fixtures.token();
        // A made-up code per run, so the link is this test's alone.
        String code = "Z" + token.substring(1, 3).toUpperCase();
        List<Map<String, Object>> items = List.of(
                item(code + "GOV", "Zland " + token + " — Government", "ORGANIZATION", code),
                item(code, "Zland " + token, "STATE", null),
                item(code + "MIL", "Zland " + token + " — Military", "ORGANIZATION", code));
        List<String> ids = resolve(items);
        List<String> again = resolve(items);
        assertEquals(ids, again);

        List<Map<String, Object>> government = sectorLinks(ids.get(0));
        assertEquals(1, government.size());
        assertEquals(ids.get(0), government.get(0).get("fromId"));
        assertEquals(ids.get(1), government.get(0).get("toId"));
        assertEquals(2, sectorLinks(ids.get(1)).size(), "the state has its two sectors, each once");
    }

    @Test
    void aSectorResolvedWithoutItsStateLinksToTheStoredStateAndToNothingWithoutOne() {
        String token = Fixtures.token();
        String code = "Y" + token.substring(1, 3).toUpperCase();
        String state = resolve(List.of(item(code, "Yland " + token, "STATE", null))).get(0);
        // e.g. an importer whose actors did not fit one call: the state went in an earlier one
        String police = resolve(List.of(item(code + "COP", "Yland " + token + " — Police forces", "ORGANIZATION", code))).get(0);
        assertEquals(state, sectorLinks(police).get(0).get("toId"));
        String orphan = resolve(List.of(item("QQQGOV", "Nowhere " + token, "ORGANIZATION", "QQQ"))).get(0);
        assertTrue(sectorLinks(orphan).isEmpty());
    }

    private static void setEventCounts(Map<String, Long> counts) {
        List<Map<String, Object>> items = new ArrayList<>();
        counts.forEach((id, count) -> items.add(Map.of("id", id, "count", count)));
        given().contentType(ContentType.JSON).body(Map.of("items", items))
                .when().post("/actors/event-counts")
                .then().statusCode(200);
    }

    @Test
    void searchRanksWholeNamesThenPrefixesThenSubstringsEachByEventCount() {
        String t = Fixtures.token();
        String state = Fixtures.createId("STATE", "Ruritania" + t);
        String aliasOnly = Fixtures.createId("PERSON", "Rudolf Rassendyll " + t, "Ruritania" + t);
        String government = Fixtures.createId("ORGANIZATION", "Ruritania" + t + " — Government");
        String military = Fixtures.createId("ORGANIZATION", "Ruritania" + t + " — Military");
        String embassy = Fixtures.createId("ORGANIZATION", "Embassy of Ruritania" + t);
        String busy = Fixtures.createId("GROUP", "Friends of Ruritania" + t);
        // Many events do not lift a substring match above a prefix match, nor a prefix above the name.
        setEventCounts(Map.of(state, 3L, aliasOnly, 40L, government, 10L, military, 900L, busy, 5000L, embassy, 1L));

        List<String> expected = List.of(aliasOnly, state, military, government, busy, embassy);
        JsonPath whole = given().queryParam("text", "RURITANIA" + t).when().get("/actors")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(expected, whole.getList("items.id", String.class));

        // Paging walks the same order, each actor once.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("text", "ruritania" + t).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.when().get("/actors").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(expected, paged);

        // kinds still narrows, in the same order.
        given().queryParam("text", "ruritania" + t).queryParam("kind", "ORGANIZATION").when().get("/actors")
                .then().body("items.id", equalTo(List.of(military, government, embassy)));
    }

    @Test
    void eventCountsAreAbsoluteAndSkipUnknownIds() {
        String t = Fixtures.token();
        String a = Fixtures.createId("GROUP", "Counted " + t);
        String b = Fixtures.createId("GROUP", "Counted too " + t);
        setEventCounts(Map.of(a, 1L, b, 2L));
        setEventCounts(Map.of(a, 1L, b, 2L));
        given().queryParam("text", t).when().get("/actors").then().body("items.id", equalTo(List.of(b, a)));
        setEventCounts(Map.of(a, 7L, UUID.randomUUID().toString(), 9L));
        given().queryParam("text", t).when().get("/actors").then().body("items.id", equalTo(List.of(a, b)));
        given().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("id", a, "count", -1))))
                .when().post("/actors/event-counts")
                .then().statusCode(400).body("violations[0].field", equalTo("items[0].count"));
    }

    /**
     * V5 on rows shaped exactly like the first import's (GROUP, composite code, GDELT's country name,
     * a resolution key of (code, name)): they become sectors of their state, ids kept; a state the old
     * import never saw is created; codes that are not country + types are left alone; a second run
     * changes nothing.
     */
    @Test
    void migrationTurnsTheFirstImportsCompositeActorsIntoSectors() throws Exception {
        String t = Fixtures.token();
        // Unique names per run; the codes are real, so the migration's codebooks apply.
        String usaGov = oldImported("USAGOV", "UNITED STATES", t);
        String usaCop = oldImported("USACOP", "UNITED STATES", t);
        String deuGovMerkel = oldImported("DEUGOVELI", "ANGELA MERKEL", t);
        String taliban = oldImported("AFGINSTAL", "TALIBAN", t);
        String handMade = Fixtures.createId("GROUP", "UNITED STATES " + t);

        runMigrationV5();

        JsonPath gov = actor(usaGov);
        assertEquals("ORGANIZATION", gov.getString("kind"));
        assertEquals("United States — Government", gov.getString("name"));
        assertEquals("USAGOV", gov.getString("cameoCode"));
        assertEquals("USA", gov.getString("country"));
        assertEquals("United States — Police forces", actor(usaCop).getString("name"));
        assertEquals("Germany — Government, Elites", actor(deuGovMerkel).getString("name"));
        assertEquals("GROUP", actor(taliban).getString("kind"));
        assertEquals("GROUP", actor(handMade).getString("kind"));

        String usa = sectorLinks(usaGov).get(0).get("toId").toString();
        assertEquals(usa, sectorLinks(usaCop).get(0).get("toId"));
        JsonPath state = actor(usa);
        assertEquals("STATE", state.getString("kind"));
        assertEquals("USA", state.getString("cameoCode"));
        String deu = sectorLinks(deuGovMerkel).get(0).get("toId").toString();
        assertNotEquals(usa, deu);
        assertTrue(sectorLinks(taliban).isEmpty());

        // The next import's resolve of the new (code, name) lands on the migrated actor.
        List<String> resolved = resolve(List.of(item("USA", "United States", "STATE", null),
                item("USAGOV", "United States — Government", "ORGANIZATION", "USA")));
        assertEquals(usaGov, resolved.get(1));
        assertEquals(1, sectorLinks(usaGov).size());

        long version = gov.getLong("version");
        runMigrationV5();
        assertEquals(version, actor(usaGov).getLong("version"), "a second run changes nothing");
        assertEquals(1, sectorLinks(usaGov).size());
    }

    private static JsonPath actor(String id) {
        return given().when().get("/actors/" + id).then().statusCode(200).extract().jsonPath();
    }

    /**
     * An actor as the first import's resolve made it. The test's token goes into the key only, so
     * parallel runs do not collide; the name is GDELT's, as it was stored.
     */
    private String oldImported(String code, String name, String token) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into actor (id, kind, name, cameo_code, resolution_key) "
                        + "values (?, 'GROUP', ?, ?, parley_resolution_key(?, ?) || ?)")) {
            s.setObject(1, id);
            s.setString(2, name);
            s.setString(3, code);
            s.setString(4, code);
            s.setString(5, name);
            s.setString(6, "|" + token);
            s.executeUpdate();
        }
        return id.toString();
    }

    private void runMigrationV5() throws SQLException, IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V5__actor_sectors_migrate.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(sql);
            c.commit();
        }
    }
}
