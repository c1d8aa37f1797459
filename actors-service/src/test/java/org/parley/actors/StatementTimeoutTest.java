package org.parley.actors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** parley.db.statement-timeout reaches every pooled connection, and a cancelled query is a clean 503. */
@QuarkusTest
@TestProfile(StatementTimeoutTest.OneSecond.class)
class StatementTimeoutTest {

    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.db.statement-timeout", "1s");
        }
    }

    @Inject
    Pool pool;

    @Test
    void everyPooledConnectionCarriesTheConfiguredStatementTimeout() {
        for (int i = 0; i < 3; i++) {
            String value = pool.query("show statement_timeout").execute().await().indefinitely()
                    .iterator().next().getString(0);
            assertEquals("1s", value);
        }
    }

    @Test
    void returns503WithRetryAfterWhenTheDatabaseCancelsASlowQuery() {
        given().queryParam("seconds", 5)
                .when().get("/test-only/slow-query")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:parley:problem:timeout"))
                .body("detail", not(containsStringIgnoringCase("statement")))
                .body("detail", not(containsStringIgnoringCase("sql")));
    }

    @Test
    void queriesWithinTheTimeoutAnswer() {
        given().queryParam("seconds", 0.1).when().get("/test-only/slow-query").then().statusCode(200);
    }
}
