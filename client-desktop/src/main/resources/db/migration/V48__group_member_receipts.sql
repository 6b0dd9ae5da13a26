-- Issue #15 item 2, "Read by 3 of 5": when each member's delivery and read receipt for one of our own group messages
-- arrived. One row per message and member that sent a receipt; NULL: not (yet) known. Epoch milliseconds. The rows go
-- with their message (ON DELETE CASCADE), as the message's own times (V46) do.
CREATE TABLE group_member_receipts (
    message_id   CHARACTER VARYING(128) NOT NULL,
    member       CHARACTER VARYING(128) NOT NULL,
    delivered_at BIGINT,
    read_at      BIGINT,
    CONSTRAINT group_member_receipts_pk PRIMARY KEY (message_id, member),
    CONSTRAINT group_member_receipts_message FOREIGN KEY (message_id) REFERENCES messages (message_id)
        ON DELETE CASCADE
);
