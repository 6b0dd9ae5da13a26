-- Reactions: one emoji per person per message (a new one replaces it). Keyed by the message id, never a timestamp;
-- reacted_at is the local time the reaction was stored, for ordering who reacted.
CREATE TABLE reactions (
    message_id CHARACTER VARYING(128) NOT NULL,
    reactor    CHARACTER VARYING(128) NOT NULL,
    emoji      CHARACTER VARYING(64) NOT NULL,
    reacted_at BIGINT NOT NULL,
    CONSTRAINT reactions_pk PRIMARY KEY (message_id, reactor)
);
