--liquibase formatted sql

--changeset tabletalk:001a-question-seed
-- The CSV files under questions/ seed the question library: they load into this staging table, and only ids the
-- library does not have yet go on into questions (002). After that the console owns a question: a later
-- `db migrate` never overwrites, retires or re-activates it.
CREATE TABLE question_seed (
    id         INTEGER PRIMARY KEY,
    context    TEXT    NOT NULL,
    active     BOOLEAN NOT NULL,
    difficulty TEXT    NOT NULL,
    category   TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    hint       TEXT    NOT NULL,
    option_a   TEXT,
    option_b   TEXT,
    option_c   TEXT,
    option_d   TEXT
);
--rollback DROP TABLE question_seed;

--changeset tabletalk:001a-question-revisions
-- Every wording a question ever had. questions holds the current one; an edit in the console adds a revision and
-- moves the question on to it. Sessions remember which revision of each card they were dealt, so a session keeps
-- showing the wording it was dealt and events never mix figures across wordings. (created_by, the console user
-- who wrote a revision, is tied to staff_users in 011.)
CREATE TABLE question_revisions (
    question_id INTEGER     NOT NULL REFERENCES questions (id),
    revision    INTEGER     NOT NULL CHECK (revision >= 1),
    difficulty  TEXT        NOT NULL CHECK (difficulty IN ('easy', 'medium', 'deep')),
    category    TEXT        NOT NULL,
    type        TEXT        NOT NULL CHECK (type IN ('open', 'choice')),
    text        TEXT        NOT NULL,
    hint        TEXT        NOT NULL,
    option_a    TEXT,
    option_b    TEXT,
    option_c    TEXT,
    option_d    TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by  BIGINT,
    PRIMARY KEY (question_id, revision)
);
--rollback DROP TABLE question_revisions;
