-- Issue #12, replies. A reply keeps the quoted message's id, author and a snippet of its text (copied when the reply
-- was stored; author NULL = the original was not here). Deleting or removing the original erases the snippet copies,
-- found through messages_quoted.
ALTER TABLE messages ADD COLUMN quoted_id CHARACTER VARYING(128);
ALTER TABLE messages ADD COLUMN quoted_author CHARACTER VARYING(128);
ALTER TABLE messages ADD COLUMN quoted_snippet CHARACTER VARYING(200);
CREATE INDEX messages_quoted ON messages (quoted_id);
