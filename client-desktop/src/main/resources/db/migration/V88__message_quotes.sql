-- Issue #12: fewer index entries per message. messages_quoted held an entry for every message (NULL for all but the
-- replies); the sweep and every delete sought in it for each message they removed. message_quotes keeps a row only for
-- a reply whose snippet is still set: (the quoted message's id, the reply's seq). The writers of a reply add it in the
-- same transaction; clearing the snippets of a deleted or removed message finds the replies here and drops their rows;
-- a removed reply drops its own. The quote columns stay on messages.
CREATE TABLE message_quotes (
    quoted_id CHARACTER VARYING(128) NOT NULL,
    seq       BIGINT NOT NULL,
    CONSTRAINT message_quotes_pk PRIMARY KEY (quoted_id, seq)
);
INSERT INTO message_quotes (quoted_id, seq)
    SELECT quoted_id, seq FROM messages WHERE quoted_id IS NOT NULL AND quoted_snippet IS NOT NULL;
DROP INDEX messages_quoted;
