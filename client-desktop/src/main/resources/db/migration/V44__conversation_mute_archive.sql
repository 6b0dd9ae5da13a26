-- Issue #12, mute and archive: per-conversation marks the user sets for themselves (never sent). A muted conversation
-- raises no notification; an archived one is listed under "Archived". They go with the conversation's row.
ALTER TABLE conversations ADD COLUMN muted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE conversations ADD COLUMN archived BOOLEAN DEFAULT FALSE NOT NULL;
