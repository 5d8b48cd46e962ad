--liquibase formatted sql

--changeset tabletalk:001-questions
CREATE TABLE questions (
    id         INTEGER PRIMARY KEY,
    context    TEXT    NOT NULL CHECK (context IN ('exploring', 'established', 'mature')),
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    difficulty TEXT    NOT NULL CHECK (difficulty IN ('easy', 'medium', 'deep')),
    category   TEXT    NOT NULL,
    type       TEXT    NOT NULL CHECK (type IN ('open', 'choice')),
    text       TEXT    NOT NULL,
    hint       TEXT    NOT NULL,
    option_a   TEXT,
    option_b   TEXT,
    option_c   TEXT,
    option_d   TEXT
);
CREATE INDEX questions_active_by_context ON questions (context, id) WHERE active;
--rollback DROP TABLE questions;

--changeset tabletalk:001-sessions
-- One row holds a session's whole state, so that every change is a single compare-and-set on version.
CREATE TABLE sessions (
    id             UUID        PRIMARY KEY,
    table_token    TEXT        NOT NULL,
    context        TEXT        NOT NULL CHECK (context IN ('exploring', 'established', 'mature')),
    mode           TEXT        NOT NULL CHECK (mode IN ('single', 'dual')),
    status         TEXT        NOT NULL CHECK (status IN ('waiting', 'active', 'ended', 'expired')),
    version        BIGINT      NOT NULL,
    deck_seed      TEXT        NOT NULL,
    deck           INTEGER[]   NOT NULL,
    position       INTEGER     NOT NULL DEFAULT 0,
    revealed       BOOLEAN     NOT NULL DEFAULT FALSE,
    participants   JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    last_active_at TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ
);
CREATE INDEX sessions_open_by_expiry ON sessions (expires_at) WHERE status IN ('waiting', 'active');
CREATE INDEX sessions_closed_by_time ON sessions (closed_at) WHERE closed_at IS NOT NULL;
--rollback DROP TABLE sessions;

--changeset tabletalk:001-analytics-events
-- Events outlive the sessions they describe, so session_id carries no foreign key.
CREATE TABLE analytics_events (
    id          BIGSERIAL   PRIMARY KEY,
    type        TEXT        NOT NULL,
    session_id  UUID,
    occurred_at TIMESTAMPTZ NOT NULL,
    data        JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX analytics_events_by_type_and_time ON analytics_events (type, occurred_at);
--rollback DROP TABLE analytics_events;
