-- Every incoming envelope that was decrypted and committed, written in the same transaction as its message (or the
-- effects of its receipt). A redelivered envelope whose ratchet key is already used is acknowledged only when its
-- digest is here (and its message is in the history); anything else stays on the relay.
CREATE TABLE received_envelopes (
    envelope_digest BINARY(32) PRIMARY KEY,
    message_id      CHARACTER VARYING(128)
);
