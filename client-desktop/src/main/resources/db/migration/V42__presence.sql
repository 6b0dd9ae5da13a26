-- Issue #14, presence: when each contact was last heard from as online (their ephemeral PRESENCE payloads), so "last
-- seen" survives a restart. Local only: presence never rests on the relay. Removed with the contact.
CREATE TABLE contact_presence (
    username  CHARACTER VARYING(128) PRIMARY KEY,
    last_seen BIGINT NOT NULL
);
