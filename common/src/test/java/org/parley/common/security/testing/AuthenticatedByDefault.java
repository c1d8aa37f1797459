package org.parley.common.security.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every REST Assured request of a service's tests carries a token with all the services' roles unless the
 * test sets its own Authorization header, so the tests of what an endpoint does are not about who may call
 * it. A service registers this callback in its own test resources (META-INF/services); the tests of who
 * may call what (WriteAccessTest, ReadsRequireRoleTest) send their requests with java.net.http instead.
 */
public class AuthenticatedByDefault implements QuarkusTestBeforeEachCallback {

    private static final String ALL_ROLES = TestTokens.bearer("editor", "importer", "reader");

    private static final Filter DEFAULT_TOKEN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", ALL_ROLES);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(DEFAULT_TOKEN)) {
            RestAssured.filters(DEFAULT_TOKEN);
        }
    }
}
