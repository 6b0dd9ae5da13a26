-- Encrypted attachments in cluster mode: every node reads and writes the same rows, so an upload may resume and a
-- download may run on any node. Owner and readers only as keyed username hashes; chunks are opaque ciphertext.
CREATE TABLE attachments (
    id               BYTEA PRIMARY KEY,
    owner_key        BYTEA NOT NULL,
    size             BIGINT NOT NULL,
    total_chunks     BIGINT NOT NULL,
    chunks_confirmed BIGINT NOT NULL DEFAULT 0,
    complete         BOOLEAN NOT NULL DEFAULT FALSE,
    expires_at       BIGINT NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner_key);
CREATE INDEX attachments_expiry ON attachments (expires_at);

CREATE TABLE attachment_readers (
    id         BYTEA NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    reader_key BYTEA NOT NULL,
    PRIMARY KEY (id, reader_key)
);

CREATE TABLE attachment_chunks (
    id    BYTEA NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    idx   BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (id, idx)
);
