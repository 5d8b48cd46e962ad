--liquibase formatted sql

--changeset tabletalk:003-live-presence
-- Which participants have an open live socket on which instance. Each instance refreshes seen_at for its own
-- rows; rows that stop being refreshed (an instance that died) are swept, and their participants shown away.
CREATE TABLE live_presence (
    session_id     UUID        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    participant_id TEXT        NOT NULL,
    instance_id    UUID        NOT NULL,
    sockets        INTEGER     NOT NULL CHECK (sockets > 0),
    seen_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, participant_id, instance_id)
);
CREATE INDEX live_presence_by_instance ON live_presence (instance_id);
CREATE INDEX live_presence_by_seen ON live_presence (seen_at);
--rollback DROP TABLE live_presence;

--changeset tabletalk:003-session-change-notify splitStatements:false
-- Every committed change of a session announces its id and new version to every instance (LISTEN
-- session_changes); instances read the state itself from the table.
CREATE FUNCTION notify_session_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('session_changes', json_build_object('id', NEW.id, 'version', NEW.version)::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sessions_notify_change
    AFTER UPDATE ON sessions
    FOR EACH ROW
    WHEN (OLD.version IS DISTINCT FROM NEW.version)
    EXECUTE FUNCTION notify_session_change();
--rollback DROP TRIGGER sessions_notify_change ON sessions;
--rollback DROP FUNCTION notify_session_change();
