package org.parley.events.imports.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.events.db.Sql;
import org.parley.events.imports.ImportProgress;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code import_progress}: each move is one statement that checks the version it expects and writes,
 * so the check and the write cannot be separated by another importer's move.
 */
@ApplicationScoped
public class ImportProgressRepository {

    private static final String COLUMNS = "feed, last_file, version, updated_at";

    private final Sql sql;

    public ImportProgressRepository(Sql sql) {
        this.sql = sql;
    }

    /** The feed's progress, or null when nothing of it was recorded. */
    public Uni<ImportProgress> findProgress(String feed) {
        return sql.query("select " + COLUMNS + " from import_progress where feed = $1", Tuple.of(feed))
                .map(ImportProgressRepository::first);
    }

    /** Records the first file of a feed; null when the feed already has progress. */
    public Uni<ImportProgress> createProgress(String feed, String lastFile) {
        return sql.query("insert into import_progress (feed, last_file, version) values ($1, $2, 1)"
                + " on conflict (feed) do nothing returning " + COLUMNS, Tuple.of(feed, lastFile))
                .map(ImportProgressRepository::first);
    }

    /** Moves a feed on if it is still at {@code expectedVersion}; null when it is not (or does not exist). */
    public Uni<ImportProgress> moveProgress(String feed, String lastFile, long expectedVersion) {
        return sql.query("update import_progress set last_file = $2, version = version + 1, updated_at = now()"
                + " where feed = $1 and version = $3 returning " + COLUMNS, Tuple.of(feed, lastFile, expectedVersion))
                .map(ImportProgressRepository::first);
    }

    private static ImportProgress first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row r = rows.iterator().next();
        return new ImportProgress(r.getString("feed"), r.getString("last_file"), r.getLong("version"),
                r.get(OffsetDateTime.class, "updated_at"));
    }
}
