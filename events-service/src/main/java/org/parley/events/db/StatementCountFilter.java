package org.parley.events.db;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Counts the SQL statements each request sends and, when {@code parley.sql.report-statements} is
 * on (tests), reports them in the {@code Parley-Sql-Statements} response header. The count lives
 * on the request's own Vert.x (duplicated) context, so statements of other requests or of the
 * change listener never mix in: tests use it to prove that a batched read is one statement.
 */
public class StatementCountFilter {

    public static final String HEADER = "Parley-Sql-Statements";
    private static final String KEY = "parley.sql.statements";

    private final SqlConfig config;

    public StatementCountFilter(SqlConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void startCounting() {
        Context context = Vertx.currentContext();
        if (config.reportStatements() && context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(KEY, new AtomicInteger());
        }
    }

    @ServerResponseFilter
    public void report(ContainerResponseContext response) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)
                && context.getLocal(KEY) instanceof AtomicInteger count) {
            response.getHeaders().putSingle(HEADER, count.get());
        }
    }

    static void countStatement() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)
                && context.getLocal(KEY) instanceof AtomicInteger count) {
            count.incrementAndGet();
        }
    }
}
