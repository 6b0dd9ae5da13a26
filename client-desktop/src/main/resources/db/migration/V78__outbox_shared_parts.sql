-- Issue #15: a group message to 1,000 members queued 999 outbox rows that each held the whole blob the relay would
-- deliver (0x4D || header length || header || body): 999 copies of the same body, which H2 encrypted page by page at
-- the commit (most of the send's Java CPU). Now such an entry holds only its own part (the prefix and its recipient's
-- header) and is marked shared; the part every recipient shares (the body) is stored once per message id here. The
-- store joins them when it reads an entry, and deletes the shared part in the transaction that acknowledges the last
-- entry using it. Both are written in one transaction, so no crash leaves one without the other.
CREATE TABLE outbox_shared (
    message_id  CHARACTER VARYING(128) PRIMARY KEY,
    shared_part VARBINARY(1048576) NOT NULL
);
ALTER TABLE outbox ADD COLUMN shared BOOLEAN DEFAULT FALSE NOT NULL;
