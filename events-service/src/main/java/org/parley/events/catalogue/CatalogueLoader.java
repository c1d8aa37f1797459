package org.parley.events.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Upserts the CAMEO catalogue from the bundled files at start-up, after Flyway has migrated and
 * before the service accepts requests (start-up waits for this observer). It uses the JDBC
 * datasource that exists for Flyway anyway; blocking is fine here, no request is served yet.
 * Idempotent, so every replica may run it, also at the same time.
 */
@ApplicationScoped
public class CatalogueLoader {

    private static final Logger LOG = Logger.getLogger(CatalogueLoader.class);

    private static final String UPSERT = """
            insert into event_type (code, name, root_code, quad_class, goldstein) values (?, ?, ?, ?, ?)
            on conflict (code) do update set name = excluded.name, root_code = excluded.root_code,
                quad_class = excluded.quad_class, goldstein = excluded.goldstein
            where (event_type.name, event_type.root_code, event_type.quad_class, event_type.goldstein)
                is distinct from (excluded.name, excluded.root_code, excluded.quad_class, excluded.goldstein)
            """;

    private final DataSource dataSource;

    public CatalogueLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        List<CameoCatalogue.Entry> entries = CameoCatalogue.load();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            connection.setAutoCommit(false);
            for (CameoCatalogue.Entry entry : entries) {
                upsert.setString(1, entry.code());
                upsert.setString(2, entry.name());
                upsert.setString(3, entry.rootCode());
                upsert.setInt(4, entry.quadClass());
                upsert.setDouble(5, entry.goldstein());
                upsert.addBatch();
            }
            upsert.executeBatch();
            connection.commit();
        }
        LOG.infof("CAMEO catalogue: %d event types", entries.size());
    }
}
