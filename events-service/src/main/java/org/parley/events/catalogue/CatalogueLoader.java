package org.parley.events.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Upserts the CAMEO catalogue from the bundled files after every Flyway migrate (Flyway's {@code afterMigrate}
 * callback, on Flyway's own JDBC connection): reference data that belongs with the schema. So it runs wherever the
 * schema is migrated — at start in dev mode, tests and {@code bin/parley}; once per rollout in the pods' migration
 * Job (k8s/README.md) — and never on a pod's start path, which no longer needs JDBC, Agroal or Flyway at all.
 * Idempotent (writes only changed rows), so every run may do it, also at the same time.
 */
@Singleton
public class CatalogueLoader extends BaseCallback implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(CatalogueLoader.class);

    private static final String UPSERT = """
            insert into event_type (code, name, root_code, quad_class, goldstein) values (?, ?, ?, ?, ?)
            on conflict (code) do update set name = excluded.name, root_code = excluded.root_code,
                quad_class = excluded.quad_class, goldstein = excluded.goldstein
            where (event_type.name, event_type.root_code, event_type.quad_class, event_type.goldstein)
                is distinct from (excluded.name, excluded.root_code, excluded.quad_class, excluded.goldstein)
            """;

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] callbacks = configuration.getCallbacks();
        Callback[] with = Arrays.copyOf(callbacks, callbacks.length + 1);
        with[callbacks.length] = this;
        configuration.callbacks(with);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            upsert(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the CAMEO catalogue", e);
        }
    }

    /** In one transaction: Flyway's, when it runs the callback inside one (it does on PostgreSQL), else its own. */
    static void upsert(Connection connection) throws SQLException {
        List<CameoCatalogue.Entry> entries = CameoCatalogue.load();
        boolean ownTransaction = connection.getAutoCommit();
        if (ownTransaction) {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (CameoCatalogue.Entry entry : entries) {
                upsert.setString(1, entry.code());
                upsert.setString(2, entry.name());
                upsert.setString(3, entry.rootCode());
                upsert.setInt(4, entry.quadClass());
                upsert.setDouble(5, entry.goldstein());
                upsert.addBatch();
            }
            upsert.executeBatch();
            if (ownTransaction) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (ownTransaction) {
                connection.rollback();
            }
            throw e;
        } finally {
            if (ownTransaction) {
                connection.setAutoCommit(true);
            }
        }
        LOG.infof("CAMEO catalogue: %d event types", entries.size());
    }
}
