-- Uploads of files sent as they are, in progress (docs/protocol.md 1.11): recorded when the relay has reserved room,
-- removed in the transaction that sends the pointer. Sending the same unchanged file to the same contact again after
-- a crash resumes the upload with the same key and id instead of starting over (and holding quota twice).
CREATE TABLE attachment_uploads (
    contact       CHARACTER VARYING(128) NOT NULL,
    source        CHARACTER VARYING(4096) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    modified_at   BIGINT NOT NULL,
    attachment_id BINARY(16) NOT NULL,
    file_key      BINARY(32) NOT NULL,
    CONSTRAINT attachment_uploads_pk PRIMARY KEY (contact, source)
);
