-- Attachments shared by pointer (issue #15, files in groups of any size): instead of (or besides) named readers, an
-- attachment may carry the SHA-256 of its read token (docs/protocol.md, "Attachments"); a download that presents the
-- token is served. NULL for attachments that only their owner and named readers may read (all rows written before).
ALTER TABLE attachments ADD COLUMN token_hash BYTEA;
