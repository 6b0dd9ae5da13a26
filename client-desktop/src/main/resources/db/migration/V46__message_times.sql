-- Issue #12 item 6, "Message info": when each of our messages reached the relay (SENT), when its delivery and read
-- receipts arrived, and when we read an incoming message. Columns of messages rather than a table of their own, so
-- every way a message is deleted (for me, for everyone, disappearing, a deleted conversation) takes them along. NULL:
-- not (yet) known. Epoch milliseconds, like the other times of this schema.
ALTER TABLE messages ADD COLUMN relay_accepted_at BIGINT;
ALTER TABLE messages ADD COLUMN delivered_at BIGINT;
ALTER TABLE messages ADD COLUMN read_at BIGINT;
