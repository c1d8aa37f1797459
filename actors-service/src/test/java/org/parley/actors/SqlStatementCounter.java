package org.parley.actors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.restassured.RestAssured;

/**
 * Counts the SQL statements Hibernate Reactive sends: its connection logs every statement it
 * executes to "org.hibernate.SQL" before running it (test profile: DEBUG, not printed).
 */
public final class SqlStatementCounter extends Handler implements AutoCloseable {

    private static final String SQL_LOGGER = "org.hibernate.SQL";
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(SQL_LOGGER);

    private SqlStatementCounter() {
    }

    public static SqlStatementCounter start() {
        awaitWarmUp();
        SqlStatementCounter counter = new SqlStatementCounter();
        counter.logger.addHandler(counter);
        return counter;
    }

    /**
     * The counter hears every statement of the application; ActorsWarmUp's (run once, asynchronously,
     * after start) must not be counted, so counting begins once the service is ready. Polled with a deadline.
     */
    private static void awaitWarmUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (RestAssured.get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("actors-service not ready (warm-up) within 30 s");
            }
        }
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public void publish(LogRecord record) {
        statements.add(String.valueOf(record.getMessage()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
