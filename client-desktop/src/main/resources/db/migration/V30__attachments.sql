-- Files attached to messages (docs/protocol.md 1.11): the end-to-end pointer, one per message. The file key is as
-- secret as a message body and lives, like the bodies, only in this encrypted database. A downloaded file is kept as
-- its ciphertext in the profile's attachments/ directory, named by attachment_id.
CREATE TABLE attachments (
    message_id    CHARACTER VARYING(128) NOT NULL PRIMARY KEY,
    attachment_id BINARY(16) NOT NULL,
    file_key      BINARY(32) NOT NULL,
    digest        BINARY(32) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    file_name     CHARACTER VARYING(1024) NOT NULL,
    content_type  CHARACTER VARYING(127) NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    thumbnail     VARBINARY(16384) NOT NULL,
    state         CHARACTER VARYING(16) NOT NULL
);
