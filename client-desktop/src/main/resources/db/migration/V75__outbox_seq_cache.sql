-- As V2 did for messages.seq: the identity sequence behind outbox.queue_seq reserves values in blocks of 32 and makes
-- each reservation durable with its own commit of the database metadata, so a group message to 1,000 members (999
-- outbox rows in one transaction) paid about 31 extra metadata commits (issue #15: 27 of 96 profile samples of the
-- send were H2's Sequence.flush). queue_seq only orders the outbox after created_at and never needs to be dense.
ALTER TABLE outbox ALTER COLUMN queue_seq SET CACHE 1024;
