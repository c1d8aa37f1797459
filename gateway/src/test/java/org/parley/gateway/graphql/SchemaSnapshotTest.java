package org.parley.gateway.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.gateway.WireMockBackends;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema is a product: the served schema must equal the checked-in gateway/schema.graphql, so every
 * change to it shows up as a reviewed diff. To accept a change:
 * {@code ./mvnw -pl gateway verify -Dtest=SchemaSnapshotTest -Dparley.schema.update=true}.
 */
@QuarkusTest
@WithTestResource(WireMockBackends.class)
class SchemaSnapshotTest {

    private static final Path SNAPSHOT = Path.of("schema.graphql");

    @Test
    void servedSchemaMatchesTheCheckedInSnapshot() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("parley.schema.update")) {
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(SNAPSHOT), "gateway/schema.graphql is missing; create it with -Dparley.schema.update=true");
        String expected = Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
        if (!expected.equals(served)) {
            fail("The served schema differs from gateway/schema.graphql (- snapshot, + served). If the change is "
                    + "intended, run ./mvnw -pl gateway verify -Dtest=SchemaSnapshotTest -Dparley.schema.update=true "
                    + "and commit the file.\n" + diff(expected.lines().toList(), served.lines().toList()));
        }
    }

    /** A minimal line diff (longest common subsequence): enough to review a schema change. */
    static String diff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+ " + (j + 1) + ": " + b.get(j++));
            } else {
                out.add("- " + (i + 1) + ": " + a.get(i++));
            }
        }
        return String.join("\n", out);
    }
}
