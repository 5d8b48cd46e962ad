--liquibase formatted sql

--changeset tabletalk:008-staff-users
-- People who use the console. An admin runs Table-Talk; a manager acts for the restaurants of their memberships.
-- A user exists once an invite has been accepted, so every row has a password hash (Argon2id, PHC string).
CREATE TABLE staff_users (
    id                  BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               TEXT        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    role                TEXT        NOT NULL CHECK (role IN ('ADMIN', 'MANAGER')),
    password_hash       TEXT        NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_users_email_unique ON staff_users (lower(email));
--rollback DROP TABLE staff_users;

--changeset tabletalk:008-memberships
-- Which restaurants a user acts for, and as what (only managers so far; a read-only role may follow).
CREATE TABLE memberships (
    user_id       BIGINT      NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    restaurant_id BIGINT      NOT NULL REFERENCES restaurants (id),
    role          TEXT        NOT NULL CHECK (role IN ('MANAGER')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, restaurant_id)
);
CREATE INDEX memberships_by_restaurant ON memberships (restaurant_id);
--rollback DROP TABLE memberships;

--changeset tabletalk:008-console-sessions
-- Signed-in browsers. Only a SHA-256 of the cookie's random value is kept, so a copy of this table signs nobody in.
CREATE TABLE console_sessions (
    id                  BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash          BYTEA       NOT NULL UNIQUE,
    user_id             BIGINT      NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    idle_expires_at     TIMESTAMPTZ NOT NULL,
    absolute_expires_at TIMESTAMPTZ NOT NULL,
    revoked_at          TIMESTAMPTZ
);
CREATE INDEX console_sessions_by_user ON console_sessions (user_id);
CREATE INDEX console_sessions_by_expiry ON console_sessions (absolute_expires_at);
--rollback DROP TABLE console_sessions;

--changeset tabletalk:008-one-time-tokens
-- Invite and password-reset links: hashed, single use (used_at), and short-lived. An invite names the email it
-- was sent to, the role it grants and, for a manager, the restaurant; a reset names the user.
CREATE TABLE one_time_tokens (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash    BYTEA       NOT NULL UNIQUE,
    purpose       TEXT        NOT NULL CHECK (purpose IN ('INVITE', 'RESET')),
    email         TEXT        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    role          TEXT        CHECK (role IN ('ADMIN', 'MANAGER')),
    restaurant_id BIGINT      REFERENCES restaurants (id),
    user_id       BIGINT      REFERENCES staff_users (id) ON DELETE CASCADE,
    created_by    BIGINT      REFERENCES staff_users (id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ,
    CHECK (purpose <> 'INVITE' OR (role IS NOT NULL AND (role = 'ADMIN' OR restaurant_id IS NOT NULL))),
    CHECK (purpose <> 'RESET' OR user_id IS NOT NULL)
);
--rollback DROP TABLE one_time_tokens;

--changeset tabletalk:008-audit-log
-- What was done in the console, by whom, for which restaurant. Rows are never changed or removed: the database
-- refuses it, so the log also holds against a mistake in the code.
CREATE TABLE audit_log (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id      BIGINT      REFERENCES staff_users (id),
    actor_email   TEXT,
    action        TEXT        NOT NULL CHECK (char_length(action) BETWEEN 1 AND 100),
    restaurant_id BIGINT      REFERENCES restaurants (id),
    details       JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_restaurant ON audit_log (restaurant_id, id);
--rollback DROP TABLE audit_log;

--changeset tabletalk:008-audit-log-append-only splitStatements:false
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
--rollback DROP FUNCTION audit_log_is_append_only() CASCADE;
