-- Join requests made with a group's invite link (issue #15, docs/protocol.md 1.15.4), kept by the admin the link
-- names until an admin adds the person (or the request is denied). Only requests whose proof of the invite secret
-- verified are stored.
CREATE TABLE group_join_requests (
    group_id     CHARACTER VARYING(32) NOT NULL,
    username     CHARACTER VARYING(128) NOT NULL,
    requested_at BIGINT NOT NULL,
    CONSTRAINT group_join_requests_pk PRIMARY KEY (group_id, username)
);
