package org.parley.common.idempotency;

import java.util.List;
import java.util.regex.Pattern;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** {@link IdempotencySql} on the current Panache session, i.e. inside its ongoing transaction. */
final class SessionSql implements IdempotencySql {

    private static final Pattern DOLLAR_PARAMETER = Pattern.compile("\\$(\\d+)");

    @Override
    public Uni<List<Object[]>> query(String sql, Object... params) {
        return Panache.getSession().chain(session -> bind(session.<Object>createNativeQuery(hibernate(sql)), params)
                .getResultList())
                // Hibernate answers a one-column row as the bare value
                .map(rows -> rows.stream().map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                        .toList());
    }

    @Override
    public Uni<Void> update(String sql, Object... params) {
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(hibernate(sql)), params)
                .executeUpdate()).replaceWithVoid();
    }

    private static <T extends Mutiny.AbstractQuery> T bind(T query, Object[] params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    /** Hibernate's native queries take JDBC-style ordinal parameters ({@code ?1}) and translate them back. */
    private static String hibernate(String sql) {
        return DOLLAR_PARAMETER.matcher(sql).replaceAll("?$1");
    }
}
