-- Issue #12: erasing a conversation of any size, resumable. Deleting a conversation records here how far its messages
-- go (the newest position it had) and removes its record; every read of messages leaves out a message of a
-- conversation listed here at or below that position, so the conversation is gone at once. Its rows are then removed a
-- bounded number per transaction (H2HistoryEraser.eraseSome), from the sweeper's thread, and the entry goes with the
-- last of them: an erase cut short by a crash or a quit goes on after the next unlock. Messages that arrive later get
-- higher positions and start a new conversation under the same id.
CREATE TABLE conversation_erasures (
    conversation_id CHARACTER VARYING(128) PRIMARY KEY,
    up_to_seq       BIGINT NOT NULL
);
