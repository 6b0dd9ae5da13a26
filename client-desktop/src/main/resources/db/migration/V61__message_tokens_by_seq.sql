-- Issue #12, disappearing sweep: removing a batch of messages deletes their search words by seq in one statement
-- (message_tokens WHERE seq = ANY(...)) instead of one lookup per word of each text. This index makes that an index
-- lookup per message; search keeps using message_tokens_newest.
CREATE INDEX message_tokens_seq ON message_tokens (seq);
