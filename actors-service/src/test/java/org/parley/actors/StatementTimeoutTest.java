package org.parley.actors;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.parley.common.idempotency.testing.StatementTimeoutContract;

/** parley.db.statement-timeout on actors-service's pool; the slow query is SlowQueryResource's. */
@QuarkusTest
@TestProfile(StatementTimeoutContract.OneSecond.class)
class StatementTimeoutTest extends StatementTimeoutContract {
}
