-- Issue #17, linked devices: an outbox entry also keeps the encoded payload it carries (inside the encrypted
-- database, like the message text), so that when the relay answers that the recipient's device list changed the
-- message can be encrypted for the new devices and sent again with the same client message id. Older entries have
-- none (NULL): they go out as before.
ALTER TABLE outbox ADD COLUMN payload VARBINARY(1048576);
