-- Linked devices (issue #17, docs/protocol.md "Linked devices"): the devices of each account. A device logs in with
-- its credential key; an unlinked device keeps its row (unlinked_at set) so its id is never reused and it can be told
-- it was unlinked. A linked device's prekeys live under its device address (username:N) in the key tables.
-- Every existing account gets device 1, logging in with its identity key as before.
CREATE TABLE devices (
    account_key    BINARY(32) NOT NULL,
    device_id      INT NOT NULL,
    credential_key BINARY(32) NOT NULL,
    name           BINARY VARYING(256) NOT NULL,
    created_at     BIGINT NOT NULL,
    last_seen_at   BIGINT NOT NULL,
    unlinked_at    BIGINT,
    PRIMARY KEY (account_key, device_id)
);

INSERT INTO devices (account_key, device_id, credential_key, name, created_at, last_seen_at, unlinked_at)
    SELECT username_key, 1, identity_key, X'', created_at, created_at, NULL FROM accounts;
