-- Issue #12: the attachment file sweep asks which of the files it found (a bounded slice at a time) still have an
-- attachment row or an upload in progress, instead of reading every id of both tables into one set that grew with the
-- attachments. These indexes make each question point look-ups instead of a scan of the table (whose rows carry
-- thumbnails of up to 16 KB).
CREATE INDEX attachments_attachment_id ON attachments (attachment_id);
CREATE INDEX attachment_uploads_attachment_id ON attachment_uploads (attachment_id);
