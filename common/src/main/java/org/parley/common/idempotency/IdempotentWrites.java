package org.parley.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Runs a write under an {@code Idempotency-Key}, inside the caller's transaction: the key is locked,
 * looked up, and stored with the write's answer before the same COMMIT. So a lost answer (a
 * timeout during or after COMMIT) leaves either the write and its key, or neither; a retry with
 * the key then gets the first answer instead of writing again.
 *
 * <ul>
 * <li>same key, same request: the stored answer, marked {@code Idempotent-Replayed: true};</li>
 * <li>same key, another method, path or body: 422;</li>
 * <li>same key while the first request is still running: 409 (the first holds a transaction-scoped
 * advisory lock on the key until it commits or rolls back);</li>
 * <li>a write that fails rolls back with its key, so it may be retried with the same key.</li>
 * </ul>
 * The table ({@code idempotency_key}) is each service's own, created by its Flyway migration.
 */
@ApplicationScoped
public class IdempotentWrites {

    /** A request's key (null: none sent) and, with a key, its {@link RequestFingerprint}. */
    public record KeyedRequest(String key, String fingerprint) {
    }

    static final String LOCK = "select pg_try_advisory_xact_lock(hashtextextended($1, 0))";
    static final String FIND = "select fingerprint, status, location, etag, body from idempotency_key"
            + " where key = $1 and expires_at > now()";
    // An expired key not yet purged is taken over; a live one cannot be here (we hold its lock).
    static final String SAVE = "insert into idempotency_key (key, fingerprint, status, location, etag, body,"
            + " created_at, expires_at) values ($1, $2, $3, nullif($4, ''), nullif($5, ''), $6, now(),"
            + " now() + cast($7 as bigint) * interval '1 second')"
            + " on conflict (key) do update set fingerprint = excluded.fingerprint, status = excluded.status,"
            + " location = excluded.location, etag = excluded.etag, body = excluded.body,"
            + " created_at = excluded.created_at, expires_at = excluded.expires_at"
            + " where idempotency_key.expires_at <= now()";

    private static final IdempotencySql SESSION = new SessionSql();

    private final IdempotencyConfig config;
    private final ObjectMapper mapper;

    public IdempotentWrites(IdempotencyConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** The key and fingerprint of a request; a malformed key fails here, before any write (400). */
    public KeyedRequest request(String keyHeader, String method, String path, Object body) {
        String key = IdempotencyKey.parse(keyHeader);
        return new KeyedRequest(key, key == null ? null : fingerprint(method, path, body));
    }

    /** {@link #run} in a Panache (Hibernate Reactive) transaction, which the write's own joins. */
    public Uni<Response> inPanacheTransaction(KeyedRequest request, Supplier<Uni<StoredResponse>> write) {
        return Panache.withTransaction(() -> run(SESSION, request, write));
    }

    /**
     * @param sql     the caller's transaction
     * @param request from {@link #request}; without a key the write just runs
     * @param write   the write, answering with the response to send (and to store)
     */
    public Uni<Response> run(IdempotencySql sql, KeyedRequest request, Supplier<Uni<StoredResponse>> write) {
        String key = request.key();
        if (key == null) {
            return write.get().map(answer -> answer.toResponse(false));
        }
        return sql.query(LOCK, key).chain(locked -> {
            if (!Boolean.TRUE.equals(locked.get(0)[0])) {
                return Uni.createFrom().failure(IdempotencyException.inFlight());
            }
            return sql.query(FIND, key).chain(found -> found.isEmpty()
                    ? writeAndKeep(sql, key, request.fingerprint(), write)
                    : Uni.createFrom().item(replay(found.get(0), request.fingerprint())));
        });
    }

    /** The request as this service read it: method, path and the parsed body re-serialised. */
    String fingerprint(String method, String path, Object body) {
        return RequestFingerprint.of(method, path, json(body).getBytes(StandardCharsets.UTF_8));
    }

    /** The answer to send and keep: the body serialised exactly as the REST layer would. */
    public StoredResponse answer(int status, String location, String etag, Object body) {
        return new StoredResponse(status, location, etag, json(body));
    }

    private Uni<Response> writeAndKeep(IdempotencySql sql, String key, String fingerprint,
            Supplier<Uni<StoredResponse>> write) {
        return write.get().chain(answer -> sql.update(SAVE, key, fingerprint, answer.status(),
                orEmpty(answer.location()), orEmpty(answer.etag()), answer.body(), config.retention().toSeconds()).replaceWith(answer.toResponse(false)));
    }

    private static Response replay(Object[] row, String fingerprint) {
        if (!fingerprint.equals(row[0])) {
            throw IdempotencyException.reused();
        }
        return new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4])
                .toResponse(true);
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    /** Null parameters have no type a native query could bind; the SQL turns '' back into null. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
