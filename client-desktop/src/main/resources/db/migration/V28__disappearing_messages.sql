-- Issue #12, disappearing messages. Each conversation has a timer (seconds, 0 = off); a message stored while a
-- timer applies gets expires_at (sent or received time + timer) and is removed by the sweep once that has passed,
-- found through messages_expiry. System rows ("alice set disappearing messages to 1 hour") have kind SYSTEM.
ALTER TABLE conversations ADD COLUMN expire_seconds BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE messages ADD COLUMN expires_at BIGINT;
ALTER TABLE messages ADD COLUMN kind CHARACTER VARYING(16) DEFAULT 'TEXT' NOT NULL;
CREATE INDEX messages_expiry ON messages (expires_at);
