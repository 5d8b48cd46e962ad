--liquibase formatted sql

--changeset tabletalk:010-insight-rollups
-- Dashboard figures summed from visit_events per scope and local day, beside the raw log (never instead of it):
-- any day can be recomputed from the raw events at any time. A scope is a restaurant (its id, days in its time
-- zone) or 0 for walk-in tables (restaurant_id null, UTC days). Pre-session steps count on the day they happened;
-- everything of a session counts on the day it was created, from its events up to six hours after that day
-- (the longest a session lives).
CREATE TABLE insight_days (
    scope_id         BIGINT      NOT NULL,
    day              DATE        NOT NULL,
    -- A final day's window has closed (plus a grace for the writer's batches) and is not recomputed again.
    final            BOOLEAN     NOT NULL DEFAULT FALSE,
    computed_at      TIMESTAMPTZ NOT NULL,
    scans            INTEGER     NOT NULL DEFAULT 0,
    welcomes         INTEGER     NOT NULL DEFAULT 0,
    questions_chosen INTEGER     NOT NULL DEFAULT 0,
    modes_chosen     INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (scope_id, day)
);

-- One row per session, on the local day it was created: what medians, tables and the hour of week need.
CREATE TABLE insight_sessions (
    scope_id       BIGINT   NOT NULL,
    day            DATE     NOT NULL,
    session_id     UUID     NOT NULL,
    table_id       BIGINT,
    hour_of_week   SMALLINT NOT NULL CHECK (hour_of_week BETWEEN 0 AND 167),
    dual           BOOLEAN  NOT NULL,
    joined         BOOLEAN  NOT NULL,
    length         TEXT,
    cards          INTEGER  NOT NULL,
    reached_fifth  BOOLEAN  NOT NULL,
    reached_tenth  BOOLEAN  NOT NULL,
    ended_by_guest BOOLEAN  NOT NULL,
    minutes        NUMERIC,
    PRIMARY KEY (scope_id, day, session_id)
);

-- Distinct visits that scanned each table, per day.
CREATE TABLE insight_table_scans (
    scope_id BIGINT  NOT NULL,
    day      DATE    NOT NULL,
    table_id BIGINT  NOT NULL,
    scans    INTEGER NOT NULL,
    PRIMARY KEY (scope_id, day, table_id)
);

-- Each question revision's figures over the sessions of a day.
CREATE TABLE insight_questions (
    scope_id    BIGINT  NOT NULL,
    day         DATE    NOT NULL,
    question_id INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    shown       INTEGER NOT NULL,
    liked       INTEGER NOT NULL,
    disliked    INTEGER NOT NULL,
    advanced    INTEGER NOT NULL,
    quick       INTEGER NOT NULL,
    PRIMARY KEY (scope_id, day, question_id, revision)
);

-- How long cards stayed up before they were advanced, in whole seconds, as counts: medians over any range.
CREATE TABLE insight_question_seconds (
    scope_id    BIGINT  NOT NULL,
    day         DATE    NOT NULL,
    question_id INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    seconds     INTEGER NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (scope_id, day, question_id, revision, seconds)
);

-- The latest recommend score of each participant of the day's sessions, as counts per score.
CREATE TABLE insight_recommend (
    scope_id BIGINT   NOT NULL,
    day      DATE     NOT NULL,
    score    SMALLINT NOT NULL CHECK (score BETWEEN 0 AND 10),
    n        INTEGER  NOT NULL,
    PRIMARY KEY (scope_id, day, score)
);
-- The platform's question figures per day, summed over every scope's rows of that day: a month of them per scope
-- is millions of rows, too many to sum at each read of the platform's dashboard.
CREATE TABLE insight_platform_days (
    day      DATE        PRIMARY KEY,
    built_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE insight_platform_questions (
    day         DATE    NOT NULL,
    question_id INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    shown       BIGINT  NOT NULL,
    liked       BIGINT  NOT NULL,
    disliked    BIGINT  NOT NULL,
    advanced    BIGINT  NOT NULL,
    quick       BIGINT  NOT NULL,
    PRIMARY KEY (day, question_id, revision)
);

CREATE TABLE insight_platform_question_seconds (
    day         DATE    NOT NULL,
    question_id INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    seconds     INTEGER NOT NULL,
    n           BIGINT  NOT NULL,
    PRIMARY KEY (day, question_id, revision, seconds)
);
--rollback DROP TABLE insight_platform_question_seconds;
--rollback DROP TABLE insight_platform_questions;
--rollback DROP TABLE insight_platform_days;
--rollback DROP TABLE insight_recommend;
--rollback DROP TABLE insight_question_seconds;
--rollback DROP TABLE insight_questions;
--rollback DROP TABLE insight_table_scans;
--rollback DROP TABLE insight_sessions;
--rollback DROP TABLE insight_days;

--changeset tabletalk:010-insight-number splitStatements:false
-- A number from an event's payload, or null when the key is missing or not a number: a figure never fails on an
-- odd row (such as one moved from the earlier analytics table).
CREATE FUNCTION insight_number(payload JSONB, key TEXT) RETURNS NUMERIC AS $$
    SELECT CASE WHEN jsonb_typeof(payload -> key) = 'number' THEN (payload ->> key)::numeric END
$$ LANGUAGE sql IMMUTABLE;
--rollback DROP FUNCTION insight_number(JSONB, TEXT);
