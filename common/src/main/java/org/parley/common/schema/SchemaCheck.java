package org.parley.common.schema;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Ready only on a schema at least as new as this build needs ({@link SchemaConfig#requiredVersion()}), read with one
 * query of Flyway's history on the reactive pool at every readiness probe: so it is also the service's database check.
 *
 * <p>
 * Why: where the service does not migrate at start (the pods: {@code QUARKUS_FLYWAY_MIGRATE_AT_START=false}, the
 * migration runs once per rollout in a Job of the same image, k8s/README.md), a new pod can start before that Job has
 * run. It must not serve then: its statements would meet tables and columns that are not there yet. It reports DOWN
 * until the migration has run, so it gets no traffic, and becomes ready by itself once it has. A newer schema than
 * required is fine (migrations add before they take away), which keeps the old pods of a rollout serving.
 * Flyway's validation (checksums of applied migrations) is left to the run that migrates; this check costs one
 * indexed-table read instead of Flyway, a JDBC driver and a JDBC pool at every start.
 */
@Readiness
@ApplicationScoped
public class SchemaCheck implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(SchemaCheck.class);
    static final String NAME = "database schema";
    /** Parley's migrations are numbered V1, V2, … (no dotted versions); repeatable ones have no version. */
    static final String NEWEST = "select max(version::int) as newest from flyway_schema_history where success and version is not null";

    private final Pool pool;
    private final int required;
    private volatile Boolean lastUp;

    public SchemaCheck(Pool pool, SchemaConfig config) {
        this.pool = pool;
        this.required = config.requiredVersion();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME).withData("required", required);
        return pool.query(NEWEST).execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Integer newest = row.getInteger("newest");
                    String version = newest == null ? "none" : newest.toString();
                    answer.withData("version", version);
                    boolean up = newest != null && newest >= required;
                    report(up, up ? null : "the schema is at version " + version + ", this build needs "
                            + required + ": run the migration (k8s: the Job <service>-migrate; locally: start with "
                            + "quarkus.flyway.migrate-at-start=true)");
                    return answer.status(up).build();
                })
                .onFailure().recoverWithItem(failure -> {
                    // no flyway_schema_history (an empty database) or no database at all
                    report(false, "cannot read the schema version: " + failure.getMessage());
                    return answer.down().withData("error", String.valueOf(failure.getMessage())).build();
                });
    }

    /** Logs when the state changes, not at every probe. */
    private void report(boolean up, String why) {
        Boolean before = lastUp;
        lastUp = up;
        if (up && !Boolean.TRUE.equals(before)) {
            LOG.infof("database schema is at or above version %d: ready to serve", required);
        } else if (!up && !Boolean.FALSE.equals(before)) {
            LOG.errorf("not ready: %s", why);
        }
    }
}
