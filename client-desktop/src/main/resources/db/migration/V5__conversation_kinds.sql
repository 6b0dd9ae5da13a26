-- Conversations, not contacts: every conversation has a kind. All conversations so far are one-to-one (DIRECT; their
-- id is the peer's username); groups come next with ids no username can take. A conversation may now exist before its
-- first message (last_seq NULL). Conversation ids that have messages but no summary row get one, so every message
-- belongs to a recorded conversation.
ALTER TABLE conversations ADD COLUMN kind CHARACTER VARYING(16) DEFAULT 'DIRECT' NOT NULL;
ALTER TABLE conversations ALTER COLUMN last_seq SET NULL;
INSERT INTO conversations (conversation_id, last_seq, kind)
    SELECT conversation_id, MAX(seq), 'DIRECT' FROM messages m
    WHERE NOT EXISTS (SELECT 1 FROM conversations v WHERE v.conversation_id = m.conversation_id)
    GROUP BY conversation_id;
