package org.parley.actors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
        SqlStatementCounter counter = new SqlStatementCounter();
        counter.logger.addHandler(counter);
        return counter;
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
