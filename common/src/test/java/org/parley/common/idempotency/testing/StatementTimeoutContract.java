package org.parley.common.idempotency.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What every service promises about parley.db.statement-timeout: it reaches every pooled
 * connection, and a statement the database cancels is a clean 503 problem+json with Retry-After.
 * A service's test extends this with {@code @QuarkusTest @TestProfile(OneSecond.class)} and serves
 * {@code GET /test-only/slow-query?seconds=} (a test-only resource running pg_sleep on its pool).
 */
public abstract class StatementTimeoutContract {

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
            assertEquals("1s", pool.query("show statement_timeout").execute().await().indefinitely()
                    .iterator().next().getString(0));
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
