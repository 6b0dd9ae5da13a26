-- Issue #14, blocking: users whose envelopes are acknowledged to the relay and dropped unread, and to whom nothing is
-- sent. A blocked user need not be a contact (a message request can be blocked). Local only: the relay never learns.
CREATE TABLE blocked_users (
    username   CHARACTER VARYING(128) PRIMARY KEY,
    blocked_at BIGINT NOT NULL
);
