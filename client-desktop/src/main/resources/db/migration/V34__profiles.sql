-- Issue #14, profiles: the latest profile each contact shared (display name, about line, avatar image) and this
-- profile's own (under its own username), with the version that makes a replayed older profile harmless; and which
-- version of the own profile each contact was last sent, so it is sent once per change (profile_shared).
CREATE TABLE profiles (
    username     CHARACTER VARYING(128) PRIMARY KEY,
    version      BIGINT NOT NULL,
    display_name CHARACTER VARYING(255) NOT NULL,
    about        CHARACTER VARYING(1024) NOT NULL,
    avatar       VARBINARY(49152) NOT NULL,
    updated_at   BIGINT NOT NULL
);

CREATE TABLE profile_shared (
    username CHARACTER VARYING(128) PRIMARY KEY,
    version  BIGINT NOT NULL
);
