-- Idempotency-Key records (org.parley.common.idempotency): one per keyed write, stored in the same
-- transaction as the write, with the answer a retry gets again. Expired rows are never replayed
-- and are purged periodically.
create table idempotency_key (
    key         varchar(255) primary key,
    fingerprint text         not null,   -- SHA-256 (hex) of method, path and body
    status      int          not null,
    location    text,
    etag        text,
    body        text         not null,   -- text, not jsonb: replayed byte for byte
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null
);
create index idempotency_key_expires_at on idempotency_key (expires_at);
