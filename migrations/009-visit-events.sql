--liquibase formatted sql

--changeset tabletalk:009-visit-events splitStatements:false
-- Every step of every visit, as facts: the phone reports what only it knows (scan, welcome, choices before a
-- session exists) and the server writes what it knows itself. Rows are never updated or deleted by the app;
-- retention drops whole monthly partitions. No address, user agent, token or free text is ever stored.
CREATE TABLE visit_events (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    type          TEXT        NOT NULL CHECK (type IN (
                      'scan', 'welcome_viewed', 'relationship_length_chosen', 'context_chosen', 'mode_chosen',
                      'session_created', 'partner_joined', 'card_shown', 'card_advanced', 'hint_revealed',
                      'answer_given', 'card_rated', 'recommend_answered', 'session_ended', 'reconnected')),
    restaurant_id BIGINT,
    table_id      BIGINT,
    session_id    UUID,
    visit_id      UUID,
    participant   TEXT        CHECK (participant IN ('A', 'B')),
    question_id   INTEGER,
    payload       JSONB       NOT NULL DEFAULT '{}'::jsonb CHECK (pg_column_size(payload) <= 512)
) PARTITION BY RANGE (occurred_at);

-- A restaurant's range of days (dashboard, export, rollups) and the platform's walk-in tables (restaurant_id
-- null) are both read through this index; export orders by (occurred_at, id).
CREATE INDEX visit_events_by_restaurant_and_time ON visit_events (restaurant_id, occurred_at, id);

-- Catches rows for a month whose partition was not made ahead (the janitor makes them months in advance).
CREATE TABLE visit_events_default PARTITION OF visit_events DEFAULT;

-- Makes the monthly partitions from the month of from_day to the month of to_day, skipping those that exist.
-- Instances may call it at the same time: the advisory lock makes them take turns.
CREATE FUNCTION visit_events_ensure_partitions(from_day DATE, to_day DATE) RETURNS INTEGER AS $$
DECLARE
    month DATE := date_trunc('month', from_day)::date;
    made  INTEGER := 0;
    name  TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('visit_events_ensure_partitions'));
    WHILE month <= to_day LOOP
        name := 'visit_events_' || to_char(month, 'YYYY_MM');
        IF to_regclass(name) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE %I PARTITION OF visit_events FOR VALUES FROM (%L) TO (%L)',
                name, month::timestamp AT TIME ZONE 'UTC', (month + INTERVAL '1 month')::timestamp AT TIME ZONE 'UTC');
            made := made + 1;
        END IF;
        month := (month + INTERVAL '1 month')::date;
    END LOOP;
    RETURN made;
END;
$$ LANGUAGE plpgsql;

SELECT visit_events_ensure_partitions(current_date - 31, current_date + 92);

CREATE FUNCTION visit_events_are_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'visit_events is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER visit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON visit_events
    FOR EACH ROW EXECUTE FUNCTION visit_events_are_append_only();
--rollback DROP TABLE visit_events CASCADE;
--rollback DROP FUNCTION visit_events_ensure_partitions(DATE, DATE);
--rollback DROP FUNCTION visit_events_are_append_only();

--changeset tabletalk:009-sessions-remember-their-visit
-- The visit that created a session joins its steps before the session to the session's own; card_shown_at is
-- when the current card was first shown, so the server can tell how long a card stayed up.
ALTER TABLE sessions ADD COLUMN visit_id UUID;
ALTER TABLE sessions ADD COLUMN card_shown_at TIMESTAMPTZ;
--rollback ALTER TABLE sessions DROP COLUMN card_shown_at;
--rollback ALTER TABLE sessions DROP COLUMN visit_id;

--changeset tabletalk:009-restaurant-recommend-setting
-- After how many cards a restaurant's diners are asked whether they would recommend Table-Talk: null takes the
-- platform's default, 0 never asks.
ALTER TABLE restaurants ADD COLUMN recommend_after_cards SMALLINT CHECK (recommend_after_cards BETWEEN 0 AND 100);
--rollback ALTER TABLE restaurants DROP COLUMN recommend_after_cards;

--changeset tabletalk:009-question-revisions
-- Events name the revision of a question they showed, so that figures are never mixed across wordings.
ALTER TABLE questions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
--rollback ALTER TABLE questions DROP COLUMN revision;

--changeset tabletalk:009-analytics-events-move
-- The earlier server-side events move into the event log under their new names; the old table goes.
SELECT visit_events_ensure_partitions(
    COALESCE((SELECT min(occurred_at)::date FROM analytics_events), current_date), current_date);
INSERT INTO visit_events (occurred_at, type, session_id, participant, question_id, payload)
SELECT occurred_at,
       CASE type WHEN 'participant_joined' THEN 'partner_joined'
                 WHEN 'next_requested' THEN 'card_advanced'
                 WHEN 'session_expired' THEN 'session_ended'
                 ELSE type END,
       session_id,
       CASE WHEN data->>'participant' IN ('A', 'B') THEN data->>'participant' END,
       CASE WHEN data->>'questionId' ~ '^[0-9]{1,9}$' THEN (data->>'questionId')::integer END,
       CASE type
           WHEN 'session_ended' THEN jsonb_build_object('reason', 'ended_by_guest')
           WHEN 'session_expired' THEN jsonb_build_object('reason', 'idle_expired')
           ELSE data - 'participant' - 'questionId' END
FROM analytics_events
WHERE type IN ('session_created', 'participant_joined', 'card_shown', 'next_requested', 'hint_revealed',
               'answer_given', 'session_ended', 'session_expired');
DROP TABLE analytics_events;
--rollback CREATE TABLE analytics_events (id BIGSERIAL PRIMARY KEY, type TEXT NOT NULL, session_id UUID, occurred_at TIMESTAMPTZ NOT NULL, data JSONB NOT NULL DEFAULT '{}'::jsonb);
