-- Issue #12: a message marked "reacted" may have reactions; one never marked has none. Every writer of a reaction
-- marks its message in the same transaction (a reaction needs its message here), so removing messages deletes
-- reactions only for marked ones instead of seeking the reactions key for every message. The mark is not cleared
-- when the last reaction goes (a stale mark costs one seek, never a wrong answer).
ALTER TABLE messages ADD COLUMN reacted BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE messages SET reacted = TRUE WHERE message_id IN (SELECT message_id FROM reactions);
