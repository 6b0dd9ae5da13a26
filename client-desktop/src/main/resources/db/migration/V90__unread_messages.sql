-- Issue #12: fewer index entries per message. messages_unread (unread, conversation_id, seq) held an entry for every
-- message, read or not, and every removed message cost removing it. unread_messages holds one row per unread message
-- only: (conversation, seq), written with the message's unread flag in the same statement's transaction by every
-- writer of that flag, and removed with it. Unread counts and "mark read up to" read it through its key. The unread
-- column stays on messages (history export reads it).
CREATE TABLE unread_messages (
    conversation_id CHARACTER VARYING(128) NOT NULL,
    seq             BIGINT NOT NULL,
    CONSTRAINT unread_messages_pk PRIMARY KEY (conversation_id, seq)
);
INSERT INTO unread_messages (conversation_id, seq) SELECT conversation_id, seq FROM messages WHERE unread;
DROP INDEX messages_unread;
