package org.parley.events.idempotency;

import org.parley.common.idempotency.testing.StatementTimeoutContract;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** parley.db.statement-timeout on events-service's pool; the slow query is SlowQueryResource's. */
@QuarkusTest
@TestProfile(StatementTimeoutContract.OneSecond.class)
class StatementTimeoutTest extends StatementTimeoutContract {
}
