-- Group state resynchronisation (issue #15, docs/protocol.md 1.15.2): when this profile last asked an admin for a
-- group's current state (at most one request per group per minute), and when it last answered a member's request as
-- an admin (at most one answer per member and group per minute).
CREATE TABLE group_state_requests (
    group_id     CHARACTER VARYING(32) NOT NULL,
    requested_at BIGINT NOT NULL,
    CONSTRAINT group_state_requests_pk PRIMARY KEY (group_id)
);
CREATE TABLE group_state_answers (
    group_id    CHARACTER VARYING(32) NOT NULL,
    member      CHARACTER VARYING(128) NOT NULL,
    answered_at BIGINT NOT NULL,
    CONSTRAINT group_state_answers_pk PRIMARY KEY (group_id, member)
);
