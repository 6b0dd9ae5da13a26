-- How far the command line's listen has printed incoming messages (messages.seq of the last one printed). An existing
-- profile starts after its newest message, so upgrading does not print its whole history; a new one starts at 0.
CREATE TABLE listen_cursor (
    id            TINYINT PRIMARY KEY CHECK (id = 1),
    printed_up_to BIGINT NOT NULL
);
INSERT INTO listen_cursor (id, printed_up_to) SELECT 1, COALESCE(MAX(seq), 0) FROM messages;
